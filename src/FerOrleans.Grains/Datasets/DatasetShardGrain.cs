using System.Security.Cryptography;
using FerOrleans.Contracts.Datasets;
using FerOrleans.Storage;

namespace FerOrleans.Grains.Datasets;

/// <summary>One packed shard, stored as a blob; keyed <c>{dataset}/{index}</c>.</summary>
public sealed class DatasetShardGrain(
    [PersistentState("shard", StoreKeys.GrainStorage)] IPersistentState<DatasetShardGrainState> state,
    IBlobStore store) : Grain, IDatasetShardGrain
{
    public async Task StoreAsync(byte[] content, string sha256)
    {
        var actual = Convert.ToHexStringLower(SHA256.HashData(content));
        if (!string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Shard '{this.GetPrimaryKeyString()}' arrived with SHA-256 {actual}, expected {sha256}.");
        }

        await store.PutAsync(BlobKey(), content);
        state.State.Sha256 = actual;
        state.State.Bytes = content.Length;
        await state.WriteStateAsync();
    }

    public async Task<byte[]> GetAsync()
    {
        var blob = await store.GetAsync(BlobKey())
            ?? throw new InvalidOperationException($"Shard '{this.GetPrimaryKeyString()}' is not stored; import the data set again.");
        return blob.Content;
    }

    public Task<string?> GetChecksumAsync() => Task.FromResult(state.State.Sha256);

    private string BlobKey()
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.LastIndexOf('/');
        return StoreKeys.DatasetShard(key[..slash], int.Parse(key[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
