namespace FerOrleans.Learning.Data;

/// <summary>A data set in its stored form: the manifest and the shard bytes in index order.</summary>
public sealed record PackedDataset(DatasetManifest Manifest, IReadOnlyList<byte[]> Shards);
