namespace FerOrleans.Storage;

/// <summary>
/// The exception thrown when a conditional write or delete finds the blob in another state than the caller
/// required. The stored blob is left unchanged. Read the blob again, then retry or give up.
/// </summary>
public sealed class StorageConflictException : Exception
{
    /// <summary>Creates the exception for a failed condition on <paramref name="key"/>.</summary>
    /// <param name="key">The blob key.</param>
    /// <param name="expectedETag">The ETag the caller required, or null when the caller required the key to be
    /// absent.</param>
    /// <param name="actualETag">The ETag found after the failure, or null when no blob was found.</param>
    /// <param name="innerException">The backend's own error, if any.</param>
    public StorageConflictException(
        string key,
        string? expectedETag,
        string? actualETag,
        Exception? innerException = null)
        : base(FormatMessage(key, expectedETag, actualETag), innerException)
    {
        Key = key;
        ExpectedETag = expectedETag;
        ActualETag = actualETag;
    }

    /// <summary>The key of the blob whose condition failed.</summary>
    public string Key { get; }

    /// <summary>The ETag the caller required, or null when the caller required the key to be absent.</summary>
    public string? ExpectedETag { get; }

    /// <summary>
    /// The ETag of the stored blob, read just after the failure, or null when no blob was stored then. Another
    /// writer may have changed it again since.
    /// </summary>
    public string? ActualETag { get; }

    private static string FormatMessage(string key, string? expectedETag, string? actualETag)
    {
        string required = expectedETag is null ? "the key to be absent" : $"ETag {expectedETag}";
        string found = (expectedETag, actualETag) switch
        {
            (null, null) => "a blob existed at the time of the write and has been deleted since",
            (_, null) => "no blob is stored there",
            _ => $"the stored blob has ETag {actualETag}",
        };
        return $"Conditional write to blob '{key}' failed: the write required {required}, but {found}. " +
            "Read the blob again and retry with its current ETag.";
    }
}
