namespace FerOrleans.Contracts.Datasets;

/// <summary>One packed shard of a data set, keyed <c>{dataset}/{index}</c>; serves its bytes to silos.</summary>
public interface IDatasetShardGrain : IGrainWithStringKey
{
    /// <summary>Stores the shard after checking its SHA-256 (hex) against the bytes.</summary>
    Task StoreAsync(byte[] content, string sha256);

    /// <summary>The stored shard bytes.</summary>
    /// <exception cref="InvalidOperationException">The shard was never stored.</exception>
    Task<byte[]> GetAsync();

    /// <summary>SHA-256 of the stored shard, or null when none is stored.</summary>
    Task<string?> GetChecksumAsync();

    /// <summary>Shard grain key of shard <paramref name="index"/> of <paramref name="dataset"/>.</summary>
    static string KeyOf(string dataset, int index) => $"{dataset}/{index}";
}
