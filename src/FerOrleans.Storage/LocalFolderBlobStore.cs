namespace FerOrleans.Storage;

/// <summary>
/// An <see cref="IBlobStore"/> that keeps each blob as a file under a root folder, so data survives restarts and
/// can be inspected with ordinary tools. The key <c>a/b.bin</c> is the file <c>root/a/b.bin~blob</c>.
/// </summary>
/// <remarks>
/// Writes go to a temporary file in the same folder, which is then renamed over the blob file, so readers never
/// see a partial blob. Writes and deletes hold a lock file for their key, which makes conditional writes safe
/// between threads and between processes on the same machine. NOTE: keys that differ only in letter case are
/// distinct blobs on case-sensitive file systems (Linux) and the same file on case-insensitive ones (Windows,
/// macOS by default).
/// </remarks>
public sealed class LocalFolderBlobStore : IBlobStore
{
    private static readonly EnumerationOptions BlobFileEnumeration = new()
    {
        RecurseSubdirectories = true,
        MatchType = MatchType.Simple,

        // Unix treats names starting with '.' as hidden, and keys may have such segments.
        AttributesToSkip = FileAttributes.None,
        IgnoreInaccessible = false,
    };

    private readonly LocalBlobLayout _layout;
    private readonly LocalKeyLocks _locks;

    /// <summary>Creates a store over <paramref name="root"/>, which is created on the first write.</summary>
    /// <param name="root">
    /// The folder that contains the blobs. A relative path is resolved against the current folder.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="root"/> is empty or whitespace.</exception>
    public LocalFolderBlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);

        _layout = new LocalBlobLayout(Path.GetFullPath(root));
        _locks = new LocalKeyLocks(_layout.LockFolder);
    }

    /// <summary>The absolute path of the root folder.</summary>
    public string Root => _layout.Root;

    /// <inheritdoc />
    public Task<StoredBlob?> GetAsync(string key, CancellationToken ct = default)
    {
        BlobKey.Validate(key);
        return LocalBlobFile.ReadAsync(_layout.BlobPath(key), ct);
    }

    /// <inheritdoc />
    public async Task<string> PutAsync(
        string key,
        ReadOnlyMemory<byte> content,
        BlobCondition? condition = null,
        CancellationToken ct = default)
    {
        BlobKey.Validate(key);
        string path = _layout.BlobPath(key);

        using IDisposable keyLock = await _locks.AcquireAsync(key, ct);
        if (condition is not null)
        {
            await CheckConditionAsync(key, path, condition, ct);
        }

        return await LocalBlobFile.WriteAsync(path, content, ct);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string key, string? ifMatch = null, CancellationToken ct = default)
    {
        BlobKey.Validate(key);
        string path = _layout.BlobPath(key);

        using IDisposable keyLock = await _locks.AcquireAsync(key, ct);
        if (!File.Exists(path))
        {
            return false;
        }

        if (ifMatch is not null)
        {
            await CheckConditionAsync(key, path, BlobCondition.IfMatch(ifMatch), ct);
        }

        // Empty folders are left in place: removing them would race with writers creating files in them.
        File.Delete(path);
        return true;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken ct = default)
    {
        BlobKey.ValidatePrefix(prefix);
        return ListKeys(prefix, ct).ToAsyncEnumerable();
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(string key, CancellationToken ct = default)
    {
        BlobKey.Validate(key);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(File.Exists(_layout.BlobPath(key)));
    }

    private static async Task CheckConditionAsync(string key, string path, BlobCondition condition, CancellationToken ct)
    {
        StoredBlob? current = await LocalBlobFile.ReadAsync(path, ct);
        bool holds = condition.Kind switch
        {
            BlobConditionKind.IfNoneMatch => current is null,
            BlobConditionKind.IfMatch => current is not null && current.ETag == condition.ETag,
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Kind, "Unknown condition kind."),
        };

        if (!holds)
        {
            throw new StorageConflictException(key, condition.ETag, current?.ETag);
        }
    }

    /// <summary>Lists the keys under the prefix's folder at once, because sorting needs them all.</summary>
    private List<string> ListKeys(string prefix, CancellationToken ct)
    {
        var keys = new List<string>();
        string folder = _layout.ListingFolder(prefix);
        if (!Directory.Exists(folder))
        {
            return keys;
        }

        foreach (string path in Directory.EnumerateFiles(folder, "*" + LocalBlobLayout.BlobSuffix, BlobFileEnumeration))
        {
            ct.ThrowIfCancellationRequested();
            string key = _layout.KeyOf(path);
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                keys.Add(key);
            }
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }
}
