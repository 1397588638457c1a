using Azure;
using Azure.Storage.Blobs.Models;

namespace FerOrleans.Storage;

/// <summary>Named predicates for the Azure Storage errors that <see cref="AzureBlobStore"/> maps.</summary>
internal static class RequestFailedExceptionExtensions
{
    private const int PreconditionFailed = 412;
    private const int Conflict = 409;
    private const int NotFound = 404;

    /// <summary>
    /// Checks whether a write failed because of its condition: 412 ConditionNotMet for a stale If-Match, or
    /// 409 BlobAlreadyExists for If-None-Match: * on an existing blob.
    /// </summary>
    public static bool IsConditionFailure(this RequestFailedException ex) =>
        (ex.Status == PreconditionFailed && ex.ErrorCode == BlobErrorCode.ConditionNotMet.ToString()) ||
        (ex.Status == Conflict && ex.ErrorCode == BlobErrorCode.BlobAlreadyExists.ToString());

    /// <summary>Checks whether the blob or its container does not exist.</summary>
    public static bool IsNotFound(this RequestFailedException ex) => ex.Status == NotFound;
}
