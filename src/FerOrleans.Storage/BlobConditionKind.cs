namespace FerOrleans.Storage;

/// <summary>The kind of precondition a <see cref="BlobCondition"/> puts on a write.</summary>
public enum BlobConditionKind
{
    /// <summary>The blob must exist with the given ETag.</summary>
    IfMatch,

    /// <summary>No blob may exist at the key, so the write only creates.</summary>
    IfNoneMatch,
}
