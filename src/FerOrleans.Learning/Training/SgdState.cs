using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Training;

/// <summary>
/// The momentum buffers of a <see cref="MomentumSgd"/> optimizer as bytes. Learning rate,
/// momentum and weight decay come from the run configuration and the schedule, so they are not
/// stored.
/// </summary>
/// <remarks>
/// The format is the one written for TorchSharp's SGD before <see cref="MomentumSgd"/> replaced
/// it: a version, the parameter count, then per parameter a flag and the buffer, in parameter
/// order. Checkpoints written before the change therefore still load. Each buffer is read into a
/// new tensor on the device of its parameter.
/// </remarks>
public static class SgdState
{
    private const int FormatVersion = 1;

    /// <summary>Writes the momentum buffers of <paramref name="optimizer"/>, in parameter order.</summary>
    public static byte[] ToBytes(MomentumSgd optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        using var scope = torch.NewDisposeScope();
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            var count = optimizer.Parameters.Count;
            writer.Write(FormatVersion);
            writer.Write(count);
            for (var i = 0; i < count; i++)
            {
                var buffer = optimizer.GetMomentumBuffer(i);
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
    public static void Load(MomentumSgd optimizer, byte[] bytes, Device device)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(bytes);
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        var version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Unsupported SGD state format {version}; this build reads format {FormatVersion}.");
        }

        var parameterCount = optimizer.Parameters.Count;
        var count = reader.ReadInt32();
        if (count != parameterCount)
        {
            throw new InvalidDataException(
                $"The SGD state contains {count} parameter states but the optimizer has {parameterCount} parameters.");
        }

        for (var i = 0; i < count; i++)
        {
            optimizer.SetMomentumBuffer(i, reader.ReadBoolean() ? ReadBuffer(reader, device) : null);
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
