namespace FerOrleans.Storage;

/// <summary>
/// A store of immutable-per-write blobs addressed by <see cref="BlobKey"/> keys. Every write replaces the whole
/// blob atomically, so a reader sees either the previous content or the new content, never part of a write.
/// </summary>
/// <remarks>
/// Keys are validated by <see cref="BlobKey.Validate"/> on every member, which throws
/// <see cref="ArgumentException"/> for an invalid key.
/// </remarks>
public interface IBlobStore
{
    /// <summary>Reads the blob stored at <paramref name="key"/>.</summary>
    /// <returns>The content with its ETag and modification time, or null when no blob is stored at the key.</returns>
    Task<StoredBlob?> GetAsync(string key, CancellationToken ct = default);

    /// <summary>Writes <paramref name="content"/> to <paramref name="key"/>, replacing any existing blob.</summary>
    /// <param name="key">The blob key.</param>
    /// <param name="content">The whole new content of the blob.</param>
    /// <param name="condition">
    /// Null to write unconditionally, <see cref="BlobCondition.IfMatch"/> to replace only the version with that
    /// ETag, or <see cref="BlobCondition.IfNoneMatch"/> to create the blob only when the key is absent.
    /// </param>
    /// <param name="ct">Cancels the write. A cancelled write leaves the previous blob in place.</param>
    /// <returns>The ETag of the new version.</returns>
    /// <exception cref="StorageConflictException">The condition did not hold. The stored blob is unchanged.</exception>
    Task<string> PutAsync(
        string key,
        ReadOnlyMemory<byte> content,
        BlobCondition? condition = null,
        CancellationToken ct = default);

    /// <summary>Deletes the blob stored at <paramref name="key"/>.</summary>
    /// <param name="key">The blob key.</param>
    /// <param name="ifMatch">When set, deletes only the version with this ETag.</param>
    /// <param name="ct">Cancels the delete.</param>
    /// <returns>True when a blob was deleted, false when no blob was stored at the key.</returns>
    /// <exception cref="StorageConflictException">
    /// The blob exists and its ETag differs from <paramref name="ifMatch"/>. The blob is kept.
    /// </exception>
    Task<bool> DeleteAsync(string key, string? ifMatch = null, CancellationToken ct = default);

    /// <summary>
    /// Lists the keys that start with <paramref name="prefix"/>, at any depth, in ordinal order. The prefix is a
    /// plain string prefix, so "runs/1" also matches "runs/10/result.json": end it with "/" to list one folder.
    /// </summary>
    /// <param name="prefix">An empty string to list every key, or a prefix accepted by
    /// <see cref="BlobKey.ValidatePrefix"/>.</param>
    /// <param name="ct">Cancels the listing.</param>
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken ct = default);

    /// <summary>Checks whether a blob is stored at <paramref name="key"/>.</summary>
    Task<bool> ExistsAsync(string key, CancellationToken ct = default);
}
