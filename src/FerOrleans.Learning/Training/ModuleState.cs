using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Training;

/// <summary>The state dictionary of a module (parameters and buffers, batch-norm statistics included) as bytes.</summary>
public static class ModuleState
{
    /// <summary>Returns the state of <paramref name="module"/> in TorchSharp's state-dictionary format.</summary>
    public static byte[] ToBytes(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var scope = torch.NewDisposeScope();
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            module.save(writer);
        }

        return stream.ToArray();
    }

    /// <summary>Copies a state written by <see cref="ToBytes"/> into <paramref name="module"/>; every entry must match.</summary>
    public static void Load(nn.Module module, byte[] state)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(state);
        using var scope = torch.NewDisposeScope();
        using var stream = new MemoryStream(state, writable: false);
        using var reader = new BinaryReader(stream);
        module.load(reader, strict: true);
    }
}
