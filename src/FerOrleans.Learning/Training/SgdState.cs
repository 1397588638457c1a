using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Training;

/// <summary>
/// The momentum buffers of an SGD optimizer as bytes. Learning rate, momentum and weight decay
/// come from the run configuration and the schedule, so they are not stored.
/// </summary>
/// <remarks>
/// TorchSharp 0.107's own SGD load_state_dict creates missing momentum buffers on the CPU, and
/// its optimizer to(device) drops the moved tensors, so a resume on CUDA would mix devices.
/// Here each buffer is read into a new tensor on the device of its parameter.
/// </remarks>
public static class SgdState
{
    private const int FormatVersion = 1;

    public static byte[] ToBytes(SGD optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        using var scope = torch.NewDisposeScope();
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            var states = optimizer.state_dict().State;
            writer.Write(FormatVersion);
            writer.Write(states.Count);
            foreach (var state in states.Cast<SGD.State>())
            {
                var buffer = state.momentum_buffer;
                writer.Write(buffer is not null);
                if (buffer is null)
                {
                    continue;
                }

                buffer.Save(writer);
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Restores momentum buffers written by <see cref="ToBytes"/> into an optimizer over the same
    /// parameters. Call it outside any dispose scope: the buffers must outlive it.
    /// </summary>
    public static void Load(SGD optimizer, byte[] bytes, Device device)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(bytes);
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        var version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Unsupported SGD state format {version}; this build reads format {FormatVersion}.");
        }

        var states = optimizer.state_dict().State.Cast<SGD.State>().ToArray();
        var count = reader.ReadInt32();
        if (count != states.Length)
        {
            throw new InvalidDataException(
                $"The SGD state contains {count} parameter states but the optimizer has {states.Length} parameters.");
        }

        foreach (var state in states)
        {
            state.momentum_buffer?.Dispose();
            state.momentum_buffer = reader.ReadBoolean() ? ReadBuffer(reader, device) : null;
        }
    }

    private static Tensor ReadBuffer(BinaryReader reader, Device device)
    {
        // TensorExtensionMethods.Load reads dtype, shape and data into a new CPU tensor.
        var buffer = TensorExtensionMethods.Load(reader);
        if (buffer.device_type == device.type && buffer.device_index == device.index)
        {
            return buffer.DetachFromDisposeScope();
        }

        using (buffer)
        {
            return buffer.to(device).DetachFromDisposeScope();
        }
    }
}
