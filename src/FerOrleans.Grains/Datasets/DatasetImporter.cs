using FerOrleans.Contracts.Datasets;
using FerOrleans.Learning.Data;

namespace FerOrleans.Grains.Datasets;

/// <summary>Packs a data set and stores it through its data-set and shard grains; the manifest commits last.</summary>
public static class DatasetImporter
{
    /// <summary>Images per shard: about 2.4 MB of pixels, well inside one grain message.</summary>
    public const int ImagesPerShard = 1024;

    public static async Task<DatasetDescriptor> ImportAsync(
        IGrainFactory grains, FaceDataset data, string source, string preprocessing)
    {
        var packed = DatasetPacker.Pack(data, ImagesPerShard, source);
        var manifest = packed.Manifest;
        var descriptor = new DatasetDescriptor
        {
            Name = data.Name,
            Count = manifest.Count,
            CountsPerLabel = manifest.CountsPerLabel,
            Sha256 = manifest.Sha256,
            ShardCount = manifest.Shards.Count,
            IsSynthetic = data.IsSynthetic,
            Preprocessing = preprocessing,
            ManifestJson = manifest.ToJson(),
            LabelTable = manifest.LabelTable ?? [],
            SubjectCount = manifest.SubjectCount,
            MetadataColumns = manifest.MetadataColumns ?? [],
        };

        var dataset = grains.GetGrain<IDatasetGrain>(data.Name);
        await dataset.BeginImportAsync(descriptor);
        for (var i = 0; i < packed.Shards.Count; i++)
        {
            var shard = grains.GetGrain<IDatasetShardGrain>(IDatasetShardGrain.KeyOf(data.Name, i));
            await shard.StoreAsync(packed.Shards[i], manifest.Shards[i].Sha256);
        }
        return await dataset.CommitImportAsync();
    }
}
