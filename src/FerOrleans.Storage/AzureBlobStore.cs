using Azure;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace FerOrleans.Storage;

/// <summary>
/// An <see cref="IBlobStore"/> over one Azure Blob Storage container, with each key stored as a block blob of the
/// same name. The container is created on first use if it does not exist.
/// </summary>
public sealed class AzureBlobStore : IBlobStore
{
    /// <summary>
    /// The service version the client requests. Azure.Storage.Blobs 12.30.1 defaults to 2026-10-06, which
    /// Azurite 3.37.0 rejects with 400 InvalidHeaderValue unless it is started with --skipApiVersionCheck.
    /// </summary>
    public const BlobClientOptions.ServiceVersion PinnedServiceVersion = BlobClientOptions.ServiceVersion.V2026_06_06;

    /// <summary>Retries after the first try of a request that failed with a transient error.</summary>
    public const int MaxRetries = 5;

    /// <summary>
    /// The delay before the first retry. Azure.Core doubles it for each further retry, with random jitter, up to
    /// <see cref="MaxRetryDelay"/>.
    /// </summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay between two retries.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly BlobContainerClient _container;
    private readonly Lock _containerGate = new();
    private Task? _containerCreation;

    /// <summary>Creates a store over <paramref name="container"/>, which is created on first use if missing.</summary>
    public AzureBlobStore(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
    }

    /// <summary>The account and container this store writes to, without credentials.</summary>
    public Uri ContainerUri => _container.Uri;

    /// <summary>
    /// Creates a store for container <paramref name="containerName"/> of the account in
    /// <paramref name="connectionString"/>, with the client options of <see cref="CreateClientOptions"/>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The connection string is empty or malformed, or the container name breaks Azure's naming rules.
    /// </exception>
    public static AzureBlobStore Create(string connectionString, string containerName, StorageRetryOptions? retry = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        AzureContainerName.Validate(containerName);

        BlobContainerClient container;
        try
        {
            container = new BlobContainerClient(connectionString, containerName, CreateClientOptions(retry));
        }
        catch (FormatException)
        {
            // The SDK's message can quote the connection string, key included, so it is not passed on.
            throw new ArgumentException(
                "The Azure Storage connection string is malformed. Expected 'Name=value' pairs separated by ';', " +
                "such as DefaultEndpointsProtocol, AccountName, AccountKey and BlobEndpoint.",
                nameof(connectionString));
        }

        return new AzureBlobStore(container);
    }

    /// <summary>
    /// Creates the client options this store uses: service version <see cref="PinnedServiceVersion"/> and
    /// exponential retries as set by <paramref name="retry"/>, by default <see cref="MaxRetries"/>,
    /// <see cref="FirstRetryDelay"/> and <see cref="MaxRetryDelay"/>.
    /// </summary>
    public static BlobClientOptions CreateClientOptions(StorageRetryOptions? retry = null)
    {
        retry ??= new StorageRetryOptions();
        var options = new BlobClientOptions(PinnedServiceVersion);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = retry.MaxRetries;
        options.Retry.Delay = retry.FirstDelay;
        options.Retry.MaxDelay = retry.MaxDelay;
        return options;
    }

    /// <inheritdoc />
    public async Task<StoredBlob?> GetAsync(string key, CancellationToken ct = default)
    {
        BlobKey.Validate(key);
        await EnsureContainerAsync(ct);

        try
        {
            Response<BlobDownloadResult> response = await _container.GetBlobClient(key).DownloadContentAsync(ct);
            BlobDownloadResult result = response.Value;
            return new StoredBlob(result.Content.ToArray(), result.Details.ETag.ToString(), result.Details.LastModified);
        }
        catch (RequestFailedException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<string> PutAsync(
        string key,
        ReadOnlyMemory<byte> content,
        BlobCondition? condition = null,
        CancellationToken ct = default)
    {
        BlobKey.Validate(key);
        await EnsureContainerAsync(ct);

        BlobClient blob = _container.GetBlobClient(key);
        var options = new BlobUploadOptions { Conditions = ToRequestConditions(condition) };
        try
        {
            // One upload is atomic: a single Put Blob, or staged blocks committed by one Put Block List.
            Response<BlobContentInfo> response = await blob.UploadAsync(BinaryData.FromBytes(content), options, ct);
            return response.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.IsConditionFailure() || IsMissingForIfMatch(ex, condition))
        {
            throw new StorageConflictException(key, condition?.ETag, await ReadETagAsync(blob, ct), ex);
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string key, string? ifMatch = null, CancellationToken ct = default)
    {
        BlobKey.Validate(key);
        await EnsureContainerAsync(ct);

        BlobClient blob = _container.GetBlobClient(key);
        BlobRequestConditions? conditions =
            ifMatch is null ? null : new BlobRequestConditions { IfMatch = new ETag(ifMatch) };
        try
        {
            Response<bool> response =
                await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, conditions, ct);
            return response.Value;
        }
        catch (RequestFailedException ex) when (ex.IsConditionFailure())
        {
            // Azurite 3.37 returns 412, not 404, for an If-Match delete of a missing blob, and both mean "not deleted".
            string? actualETag = await ReadETagAsync(blob, ct);
            if (actualETag is null)
            {
                return false;
            }

            throw new StorageConflictException(key, ifMatch, actualETag, ex);
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken ct = default)
    {
        BlobKey.ValidatePrefix(prefix);
        return ListKeysAsync(prefix, ct);
    }

    /// <inheritdoc />
    public async Task<bool> ExistsAsync(string key, CancellationToken ct = default)
    {
        BlobKey.Validate(key);
        await EnsureContainerAsync(ct);

        Response<bool> response = await _container.GetBlobClient(key).ExistsAsync(ct);
        return response.Value;
    }

    private static BlobRequestConditions? ToRequestConditions(BlobCondition? condition) => condition?.Kind switch
    {
        null => null,
        BlobConditionKind.IfMatch => new BlobRequestConditions { IfMatch = new ETag(condition.ETag!) },
        BlobConditionKind.IfNoneMatch => new BlobRequestConditions { IfNoneMatch = ETag.All },
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Kind, "Unknown condition kind."),
    };

    /// <summary>Checks for a 404 on an If-Match write, which means the required version no longer exists.</summary>
    private static bool IsMissingForIfMatch(RequestFailedException ex, BlobCondition? condition) =>
        condition?.Kind == BlobConditionKind.IfMatch && ex.IsNotFound();

    /// <summary>
    /// Reads the current ETag of <paramref name="blob"/> to report a conflict, or null when it is absent.
    /// </summary>
    private static async Task<string?> ReadETagAsync(BlobClient blob, CancellationToken ct)
    {
        try
        {
            Response<BlobProperties> properties = await blob.GetPropertiesAsync(cancellationToken: ct);
            return properties.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    private async IAsyncEnumerable<string> ListKeysAsync(
        string prefix,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await EnsureContainerAsync(ct);

        // The service returns names in lexicographic order of their bytes, which is ordinal order for ASCII keys.
        var options = new GetBlobsOptions { Prefix = prefix.Length == 0 ? null : prefix };
        await foreach (BlobItem item in _container.GetBlobsAsync(options, ct))
        {
            yield return item.Name;
        }
    }

    /// <summary>
    /// Creates the container once per store. A failed or cancelled attempt is forgotten, so the next call retries.
    /// </summary>
    private Task EnsureContainerAsync(CancellationToken ct)
    {
        lock (_containerGate)
        {
            if (_containerCreation is null || _containerCreation.IsFaulted || _containerCreation.IsCanceled)
            {
                // Not cancelled by one caller's token, because other callers share this task.
                _containerCreation = _container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            }

            return _containerCreation.WaitAsync(ct);
        }
    }
}
