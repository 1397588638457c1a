using System.Collections.Concurrent;
using FerOrleans.Contracts.Datasets;
using FerOrleans.Learning.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FerOrleans.Grains.Training;

/// <summary>
/// Data sets for the runs of this silo: each is fetched once from its shard grains, checked against the
/// manifest's checksums, kept on local disk and in memory, and shared by every run that needs it.
/// </summary>
public sealed class DatasetCache(IGrainFactory grains, IOptions<TrainingSlotOptions> options, ILogger<DatasetCache> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<FaceDataset>>> _loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DatasetDescriptor> _descriptors = new(StringComparer.Ordinal);

    /// <exception cref="InvalidOperationException">No data set of that name is imported.</exception>
    public async Task<FaceDataset> GetAsync(string name)
    {
        var loading = _loaded.GetOrAdd(name, n => new Lazy<Task<FaceDataset>>(() => LoadAsync(n)));
        try
        {
            return await loading.Value;
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException)
        {
            // Forget the failure, so a run after the data set is imported (or repaired) loads it afresh.
            _loaded.TryRemove(new KeyValuePair<string, Lazy<Task<FaceDataset>>>(name, loading));
            throw;
        }
    }

    /// <summary>How a loaded data set was pre-processed; empty when it is not loaded.</summary>
    public string Preprocessing(string name) =>
        _descriptors.TryGetValue(name, out var descriptor) ? descriptor.Preprocessing : "";

    private async Task<FaceDataset> LoadAsync(string name)
    {
        var descriptor = await grains.GetGrain<IDatasetGrain>(name).GetAsync()
            ?? throw new InvalidOperationException($"No data set named '{name}' is imported; import it with `fer data import`.");
        _descriptors[name] = descriptor;
        var manifest = DatasetManifest.FromJson(descriptor.ManifestJson);
        var folder = Path.Combine(options.Value.CacheFolder, $"{name}-{descriptor.Sha256[..16]}");
        Directory.CreateDirectory(folder);

        try
        {
            return DatasetPacker.Unpack(manifest, await FetchShardsAsync(name, manifest, folder));
        }
        catch (InvalidDataException ex)
        {
            // A damaged cache file: drop the local copies and fetch every shard again once.
            logger.DatasetCacheCorrupt(name, ex.Message);
            Directory.Delete(folder, recursive: true);
            Directory.CreateDirectory(folder);
            return DatasetPacker.Unpack(manifest, await FetchShardsAsync(name, manifest, folder));
        }
    }

    private async Task<List<byte[]>> FetchShardsAsync(string name, DatasetManifest manifest, string folder)
    {
        var shards = new List<byte[]>();
        foreach (var shard in manifest.Shards)
        {
            shards.Add(await ShardAsync(name, shard.Index, folder));
        }
        return shards;
    }

    private async Task<byte[]> ShardAsync(string name, int index, string folder)
    {
        var path = Path.Combine(folder, $"shard-{index:D4}.bin");
        if (File.Exists(path))
        {
            return await File.ReadAllBytesAsync(path);
        }

        var content = await grains.GetGrain<IDatasetShardGrain>(IDatasetShardGrain.KeyOf(name, index)).GetAsync();
        // A unique temporary name: silo processes on one machine may share the cache folder and fetch at once.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, content);
        File.Move(temporary, path, overwrite: true);
        logger.DatasetShardCached(name, index, content.Length);
        return content;
    }
}
