namespace FerOrleans.Storage;

/// <summary>A JSON blob read by <see cref="BlobStoreJsonExtensions.GetJsonAsync{T}"/>.</summary>
/// <param name="Value">The deserialized value.</param>
/// <param name="ETag">
/// The version token of the blob. Pass it to <see cref="BlobCondition.IfMatch"/> to update it.
/// </param>
/// <param name="LastModified">When this version was written.</param>
public sealed record JsonBlob<T>(T Value, string ETag, DateTimeOffset LastModified);
