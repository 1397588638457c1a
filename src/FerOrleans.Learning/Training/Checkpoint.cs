namespace FerOrleans.Learning.Training;

/// <summary>
/// Everything a run needs to continue exactly after a finished epoch: weights, optimizer state,
/// position in the schedule, torch's random state, the best validation result with its weights,
/// and the run configuration it belongs to.
/// </summary>
/// <remarks>
/// The batch order needs no sampler state: every batch is derived from the run seed, the phase,
/// the epoch and the step. <see cref="ToBytes"/> writes one byte array with a SHA-256 checksum
/// that <see cref="FromBytes"/> verifies.
/// </remarks>
public sealed class Checkpoint
{
    /// <summary>Version of the payload layout; a checkpoint of another version is rejected.</summary>
    public const int FormatVersion = 1;

    private static readonly byte[] Magic = "FERCKPT1"u8.ToArray();

    /// <summary>The run configuration as <see cref="RunConfigJson"/> writes it.</summary>
    public required string RunConfigJson { get; init; }

    /// <summary>1-based count of checkpoints of the run; epochs finished in all phases.</summary>
    public required int Sequence { get; init; }

    /// <summary>Phase of the last finished epoch.</summary>
    public required TrainingPhase Phase { get; init; }

    /// <summary>Epochs of <see cref="Phase"/> finished; equal to the phase's epochs at its end.</summary>
    public required int CompletedEpochs { get; init; }

    public required long GlobalStep { get; init; }

    /// <summary>Training time spent until this checkpoint, summed across resumes.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Best validation accuracy of the phase so far; null in the contrastive phase.</summary>
    public double? BestValidationAccuracy { get; init; }

    /// <summary>1-based epoch of <see cref="BestValidationAccuracy"/>; 0 when there is none.</summary>
    public int BestEpoch { get; init; }

    /// <summary>Module state of the best epoch: the probe's linear layer, or the whole SL classifier.</summary>
    public byte[]? BestWeights { get; init; }

    /// <summary>Module state of the encoder.</summary>
    public required byte[] Encoder { get; init; }

    /// <summary>Module state of the projection head; null for SL.</summary>
    public byte[]? ProjectionHead { get; init; }

    /// <summary>Module state of the classifier's linear layer.</summary>
    public required byte[] ClassifierOutput { get; init; }

    /// <summary>Momentum buffers of the optimizer of <see cref="Phase"/>, as <see cref="SgdState"/> writes them.</summary>
    public required byte[] Optimizer { get; init; }

    /// <summary>torch.get_rng_state() of the CPU generator.</summary>
    public required byte[] TorchRngState { get; init; }

    public byte[] ToBytes()
    {
        var blocks = new[] { BestWeights, Encoder, ProjectionHead, ClassifierOutput, Optimizer, TorchRngState };
        using var stream = new MemoryStream(blocks.Sum(b => b?.Length ?? 0) + 4096);
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(RunConfigJson);
            writer.Write((int)Phase);
            writer.Write(CompletedEpochs);
            writer.Write(GlobalStep);
            writer.Write(Elapsed.Ticks);
            writer.Write(BestValidationAccuracy.HasValue);
            writer.Write(BestValidationAccuracy ?? 0);
            writer.Write(BestEpoch);
            WriteBlock(writer, BestWeights);
            WriteBlock(writer, Encoder);
            WriteBlock(writer, ProjectionHead);
            WriteBlock(writer, ClassifierOutput);
            WriteBlock(writer, Optimizer);
            WriteBlock(writer, TorchRngState);
        }

        return ChecksummedEnvelope.Seal(Magic, FormatVersion, Sequence, stream.ToArray());
    }

    /// <summary>
    /// Reads a checkpoint written by <see cref="ToBytes"/>. Throws <see cref="InvalidDataException"/>
    /// naming <paramref name="runName"/> when the bytes are truncated, corrupted or of another format version.
    /// </summary>
    public static Checkpoint FromBytes(byte[] bytes, string runName)
    {
        var description = $"The checkpoint of run {runName}";
        var (version, sequence, payload) = ChecksummedEnvelope.Open(bytes, Magic, description);
        if (version != FormatVersion)
        {
            throw new InvalidDataException(
                $"{description} (sequence {sequence}) has format version {version}; this build reads version "
                + $"{FormatVersion}. Restart the run without its checkpoints.");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(payload, writable: false));
            var configJson = reader.ReadString();
            var phase = (TrainingPhase)reader.ReadInt32();
            if (!Enum.IsDefined(phase))
            {
                throw new InvalidDataException($"{description} (sequence {sequence}) names unknown phase {(int)phase}.");
            }

            var completedEpochs = reader.ReadInt32();
            var globalStep = reader.ReadInt64();
            var elapsed = TimeSpan.FromTicks(reader.ReadInt64());
            var hasBest = reader.ReadBoolean();
            var best = reader.ReadDouble();
            var bestEpoch = reader.ReadInt32();
            return new Checkpoint
            {
                RunConfigJson = configJson,
                Sequence = checked((int)sequence),
                Phase = phase,
                CompletedEpochs = completedEpochs,
                GlobalStep = globalStep,
                Elapsed = elapsed,
                BestValidationAccuracy = hasBest ? best : null,
                BestEpoch = bestEpoch,
                BestWeights = ReadBlock(reader),
                Encoder = ReadBlock(reader) ?? throw Missing(description, sequence, nameof(Encoder)),
                ProjectionHead = ReadBlock(reader),
                ClassifierOutput = ReadBlock(reader) ?? throw Missing(description, sequence, nameof(ClassifierOutput)),
                Optimizer = ReadBlock(reader) ?? throw Missing(description, sequence, nameof(Optimizer)),
                TorchRngState = ReadBlock(reader) ?? throw Missing(description, sequence, nameof(TorchRngState)),
            };
        }
        catch (Exception exception) when (exception is EndOfStreamException or OverflowException or FormatException)
        {
            throw new InvalidDataException($"{description} (sequence {sequence}) has an unreadable payload.", exception);
        }
    }

    private static InvalidDataException Missing(string description, long sequence, string part) =>
        new($"{description} (sequence {sequence}) lacks its {part} state.");

    /// <summary>Writes a length-prefixed block; length -1 marks null.</summary>
    private static void WriteBlock(BinaryWriter writer, byte[]? block)
    {
        writer.Write(block?.Length ?? -1);
        if (block is not null)
        {
            writer.Write(block);
        }
    }

    private static byte[]? ReadBlock(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length < -1)
        {
            throw new FormatException($"Invalid block length {length}.");
        }

        if (length == -1)
        {
            return null;
        }

        var block = reader.ReadBytes(length);
        return block.Length == length ? block : throw new EndOfStreamException();
    }
}
