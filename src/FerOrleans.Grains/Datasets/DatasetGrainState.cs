using FerOrleans.Contracts.Datasets;

namespace FerOrleans.Grains.Datasets;

[GenerateSerializer]
public sealed class DatasetGrainState
{
    /// <summary>The usable data set, once an import has committed.</summary>
    [Id(0)] public DatasetDescriptor? Committed { get; set; }

    /// <summary>An import whose shards are being stored.</summary>
    [Id(1)] public DatasetDescriptor? Pending { get; set; }
}

[GenerateSerializer]
public sealed class DatasetShardGrainState
{
    [Id(0)] public string? Sha256 { get; set; }

    [Id(1)] public long Bytes { get; set; }
}
