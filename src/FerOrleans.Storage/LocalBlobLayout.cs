namespace FerOrleans.Storage;

/// <summary>
/// The file layout of <see cref="LocalFolderBlobStore"/>. The key <c>a/b.bin</c> is stored in the file
/// <c>root/a/b.bin~blob</c>. The '~' cannot occur in a key, so a blob file never collides with the folder of a
/// longer key ("a" and "a/b" can both exist), and temporary and lock files can never be mistaken for blobs.
/// </summary>
internal sealed class LocalBlobLayout
{
    /// <summary>The suffix of every file that contains a blob's content.</summary>
    public const string BlobSuffix = "~blob";

    /// <summary>The suffix of a temporary file that becomes a blob file when it is renamed.</summary>
    public const string TempSuffix = "~tmp";

    /// <summary>The folder under the root that holds the lock files.</summary>
    public const string LockFolderName = "~locks";

    public LocalBlobLayout(string root)
    {
        Root = root;
        LockFolder = Path.Combine(root, LockFolderName);
    }

    public string Root { get; }

    public string LockFolder { get; }

    /// <summary>Returns the path of the file that contains the blob at <paramref name="key"/>.</summary>
    public string BlobPath(string key) =>
        Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar)) + BlobSuffix;

    /// <summary>Returns a fresh temporary file path in the folder of <paramref name="blobPath"/>.</summary>
    /// <remarks>Same folder means same file system, so the final rename is atomic.</remarks>
    public static string TempPath(string blobPath) =>
        $"{blobPath[..^BlobSuffix.Length]}~{Guid.NewGuid():N}{TempSuffix}";

    /// <summary>Returns the folder to enumerate for the keys that start with <paramref name="prefix"/>.</summary>
    public string ListingFolder(string prefix)
    {
        int lastSlash = prefix.LastIndexOf('/');
        if (lastSlash < 0)
        {
            return Root;
        }

        return Path.Combine(Root, prefix[..lastSlash].Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>Converts a blob file path under the root back to its key.</summary>
    public string KeyOf(string blobPath)
    {
        string relative = Path.GetRelativePath(Root, blobPath);
        return relative[..^BlobSuffix.Length].Replace(Path.DirectorySeparatorChar, '/');
    }
}
