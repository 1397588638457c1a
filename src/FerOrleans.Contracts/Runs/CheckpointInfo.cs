namespace FerOrleans.Contracts.Runs;

/// <summary>One stored checkpoint of a run, as <c>fer run show</c> lists it.</summary>
[GenerateSerializer, Immutable]
public sealed record CheckpointInfo
{
    /// <summary>Epochs finished in all phases when it was written; also the number in its blob name.</summary>
    [Id(0)] public int Sequence { get; init; }

    /// <summary>Store key of the checkpoint blob.</summary>
    [Id(1)] public string Key { get; init; } = "";

    [Id(2)] public long Bytes { get; init; }

    [Id(3)] public DateTimeOffset StoredUtc { get; init; }

    /// <summary>"contrastive", "probe" or "supervised"; empty when the checkpoint is unreadable.</summary>
    [Id(4)] public string Phase { get; init; } = "";

    /// <summary>Epochs of <see cref="Phase"/> finished.</summary>
    [Id(5)] public int Epoch { get; init; }

    /// <summary>Why the checkpoint cannot be used (checksum, truncation, format); null when it is valid.</summary>
    [Id(6)] public string? Problem { get; init; }
}
