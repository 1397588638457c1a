using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace FerOrleans.Storage;

/// <summary>
/// Reads and writes the blob files of <see cref="LocalFolderBlobStore"/>. A blob's ETag is derived from the file's
/// modification time and a hash of its content. Each write stamps a modification time later than the previous
/// version's, so the ETag changes on every write, and it survives restarts because it is part of the file.
/// </summary>
internal static class LocalBlobFile
{
    private const int ETagHashBytes = 8;

    // Steps tried, from 100 ns up to 10 s, when the file system rounds a stamped time to the previous version's.
    private static readonly long[] StampStepsInTicks =
        [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    /// <summary>Reads the blob file at <paramref name="path"/>, or returns null when it does not exist.</summary>
    /// <remarks>
    /// Content, time and ETag come from one open handle. A writer replaces the file by renaming a new one over it,
    /// so the handle keeps reading the complete version that was current when it was opened.
    /// </remarks>
    public static async Task<StoredBlob?> ReadAsync(string path, CancellationToken ct)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(
                path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous);
        }
        catch (IOException ex) when (ex.IsNotFound())
        {
            return null;
        }

        using (handle)
        {
            DateTime modifiedUtc = File.GetLastWriteTimeUtc(handle);
            byte[] content = await ReadAllAsync(handle, path, ct);
            return new StoredBlob(content, ComputeETag(content, modifiedUtc), new DateTimeOffset(modifiedUtc));
        }
    }

    /// <summary>
    /// Writes <paramref name="content"/> to a temporary file beside <paramref name="path"/>, flushes it to disk and
    /// renames it over <paramref name="path"/>. Call this only while holding the key's lock.
    /// </summary>
    /// <returns>The ETag of the new version.</returns>
    public static async Task<string> WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        DateTime previousUtc = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
        string tempPath = LocalBlobLayout.TempPath(path);
        try
        {
            DateTime modifiedUtc;
            using (SafeFileHandle handle = File.OpenHandle(
                tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.Asynchronous))
            {
                await RandomAccess.WriteAsync(handle, content, 0, ct);
                modifiedUtc = StampLaterTime(handle, previousUtc, tempPath);
                RandomAccess.FlushToDisk(handle);
            }

            ct.ThrowIfCancellationRequested();
            File.Move(tempPath, path, overwrite: true);
            return ComputeETag(content.Span, modifiedUtc);
        }
        finally
        {
            // Removes the partial file after a failure or cancellation, and does nothing after a successful rename.
            File.Delete(tempPath);
        }
    }

    private static async Task<byte[]> ReadAllAsync(SafeFileHandle handle, string path, CancellationToken ct)
    {
        long length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength)
        {
            throw new IOException(
                $"Blob file '{path}' has {length} bytes, more than the {Array.MaxLength} that one blob can hold.");
        }

        byte[] content = new byte[length];
        int offset = 0;
        while (offset < content.Length)
        {
            int read = await RandomAccess.ReadAsync(handle, content.AsMemory(offset), offset, ct);
            if (read == 0)
            {
                throw new IOException(
                    $"Blob file '{path}' ended after {offset} of {length} bytes; it was truncated while being read.");
            }

            offset += read;
        }

        return content;
    }

    /// <summary>Sets the file's modification time to now, or later than <paramref name="previousUtc"/>.</summary>
    /// <returns>The modification time as the file system stored it.</returns>
    private static DateTime StampLaterTime(SafeFileHandle handle, DateTime previousUtc, string path)
    {
        DateTime nowUtc = DateTime.UtcNow;
        if (nowUtc > previousUtc)
        {
            File.SetLastWriteTimeUtc(handle, nowUtc);
            DateTime storedUtc = File.GetLastWriteTimeUtc(handle);
            if (storedUtc > previousUtc)
            {
                return storedUtc;
            }
        }

        foreach (long step in StampStepsInTicks)
        {
            File.SetLastWriteTimeUtc(handle, previousUtc.AddTicks(step));
            DateTime storedUtc = File.GetLastWriteTimeUtc(handle);
            if (storedUtc > previousUtc)
            {
                return storedUtc;
            }
        }

        throw new IOException(
            $"The file system did not store a modification time later than {previousUtc:O} for '{path}', " +
            "so the new version would reuse the previous ETag. Use a file system with timestamps finer than 10 s.");
    }

    private static string ComputeETag(ReadOnlySpan<byte> content, DateTime modifiedUtc)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(content, hash);
        return $"{modifiedUtc.Ticks:x16}-{Convert.ToHexStringLower(hash[..ETagHashBytes])}";
    }
}
