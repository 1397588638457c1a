namespace FerOrleans.Storage;

/// <summary>
/// A precondition for <see cref="IBlobStore.PutAsync"/>: either <see cref="IfMatch"/> with an ETag or
/// <see cref="IfNoneMatch"/>. A write whose condition fails throws <see cref="StorageConflictException"/>.
/// </summary>
public sealed record BlobCondition
{
    private BlobCondition(BlobConditionKind kind, string? etag)
    {
        Kind = kind;
        ETag = etag;
    }

    /// <summary>The condition that succeeds only when no blob exists at the key (create only).</summary>
    public static BlobCondition IfNoneMatch { get; } = new(BlobConditionKind.IfNoneMatch, null);

    /// <summary>The kind of precondition.</summary>
    public BlobConditionKind Kind { get; }

    /// <summary>
    /// The ETag that the stored blob must have, or null for <see cref="BlobConditionKind.IfNoneMatch"/>.
    /// </summary>
    public string? ETag { get; }

    /// <summary>
    /// Creates the condition that succeeds only when the stored blob has ETag <paramref name="etag"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="etag"/> is empty or whitespace.</exception>
    public static BlobCondition IfMatch(string etag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(etag);
        return new BlobCondition(BlobConditionKind.IfMatch, etag);
    }
}
