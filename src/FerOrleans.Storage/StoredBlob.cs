namespace FerOrleans.Storage;

/// <summary>One version of a blob as read from an <see cref="IBlobStore"/>.</summary>
/// <param name="Content">The whole content of the blob.</param>
/// <param name="ETag">
/// An opaque version token that changes on every write, even a write of the same bytes. Pass it to
/// <see cref="BlobCondition.IfMatch"/> to replace exactly this version.
/// </param>
/// <param name="LastModified">When this version was written, as recorded by the backend.</param>
/// <remarks>Record equality compares <paramref name="Content"/> by reference, not by bytes.</remarks>
public sealed record StoredBlob(byte[] Content, string ETag, DateTimeOffset LastModified);
