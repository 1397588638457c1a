using System.Text;
using FerOrleans.Contracts.Datasets;
using FerOrleans.Learning.Data;
using FerOrleans.Storage;
using Microsoft.Extensions.Logging;

namespace FerOrleans.Grains.Datasets;

/// <summary>A named data set. An import stores every shard first and commits the manifest last.</summary>
public sealed class DatasetGrain(
    [PersistentState("dataset", StoreKeys.GrainStorage)] IPersistentState<DatasetGrainState> state,
    IBlobStore store,
    ILogger<DatasetGrain> logger) : Grain, IDatasetGrain
{
    public async Task BeginImportAsync(DatasetDescriptor descriptor)
    {
        var name = this.GetPrimaryKeyString();
        if (descriptor.Name != name)
        {
            throw new ArgumentException($"Descriptor names data set '{descriptor.Name}' but was sent to '{name}'.");
        }
        if (state.State.Committed is { } committed && committed.Sha256 != descriptor.Sha256)
        {
            throw new InvalidOperationException(
                $"Data set '{name}' is already imported with other content (SHA-256 {committed.Sha256[..12]}...). " +
                "Import under another --name; runs that used the stored one keep using it.");
        }

        state.State.Pending = descriptor;
        await state.WriteStateAsync();
    }

    public async Task<DatasetDescriptor> CommitImportAsync()
    {
        var pending = state.State.Pending
            ?? state.State.Committed
            ?? throw new InvalidOperationException($"Data set '{this.GetPrimaryKeyString()}' has no import to commit.");
        var manifest = DatasetManifest.FromJson(pending.ManifestJson);
        foreach (var shard in manifest.Shards)
        {
            var stored = await GrainFactory
                .GetGrain<IDatasetShardGrain>(IDatasetShardGrain.KeyOf(pending.Name, shard.Index))
                .GetChecksumAsync();
            if (!string.Equals(stored, shard.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"Shard {shard.Index} of data set '{pending.Name}' is {(stored is null ? "missing" : "stored with another checksum")}; run the import again.");
            }
        }

        await store.PutAsync(StoreKeys.DatasetManifest(pending.Name), Encoding.UTF8.GetBytes(pending.ManifestJson));
        state.State.Committed = pending;
        state.State.Pending = null;
        await state.WriteStateAsync();
        logger.DatasetCommitted(pending.Name, pending.Count, pending.ShardCount);
        return pending;
    }

    public Task<DatasetDescriptor?> GetAsync() => Task.FromResult(state.State.Committed);
}
