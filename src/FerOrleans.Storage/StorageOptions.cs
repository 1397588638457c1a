namespace FerOrleans.Storage;

/// <summary>
/// Where FerOrleans stores its blobs. Build a store from it with <see cref="BlobStoreFactory.Create"/>.
/// </summary>
public sealed record StorageOptions
{
    /// <summary>The default local folder, relative to the current folder.</summary>
    public const string DefaultLocalPath = ".fer";

    /// <summary>The default Azure container.</summary>
    public const string DefaultContainer = "fer";

    /// <summary>The environment variable that contains an Azure Storage connection string.</summary>
    public const string ConnectionStringVariable = "FER_STORAGE_CONNECTION_STRING";

    /// <summary>The environment variable that contains the path of a file containing the connection string.</summary>
    public const string ConnectionStringFileVariable = "FER_STORAGE_CONNECTION_STRING_FILE";

    /// <summary>The backend to use.</summary>
    public StorageKind Kind { get; init; } = StorageKind.Local;

    /// <summary>The root folder of the <see cref="StorageKind.Local"/> backend.</summary>
    public string LocalPath { get; init; } = DefaultLocalPath;

    /// <summary>
    /// The Azure Storage connection string of the <see cref="StorageKind.AzureBlob"/> backend. It is a secret:
    /// log <see cref="Describe"/> instead.
    /// </summary>
    public string? ConnectionString { get; init; }

    /// <summary>The Azure container of the <see cref="StorageKind.AzureBlob"/> backend.</summary>
    public string Container { get; init; } = DefaultContainer;

    /// <summary>Retries after transient errors: per Azure request, and around checkpoint writes of either backend.</summary>
    public StorageRetryOptions Retry { get; init; } = new();

    /// <summary>
    /// Reads the options from the environment. <see cref="ConnectionStringVariable"/> or the file named by
    /// <see cref="ConnectionStringFileVariable"/> selects Azure Blob Storage. With neither set, the local folder is
    /// used. <see cref="LocalPath"/> and <see cref="Container"/> come from <paramref name="defaults"/>.
    /// </summary>
    /// <param name="defaults">The options to start from, or null for the defaults of this type.</param>
    /// <param name="readVariable">
    /// Reads one environment variable, or null for <see cref="Environment.GetEnvironmentVariable(string)"/>.
    /// </param>
    /// <exception cref="InvalidOperationException">Both variables are set, or the file is empty.</exception>
    /// <exception cref="FileNotFoundException">
    /// The file named by <see cref="ConnectionStringFileVariable"/> does not exist.
    /// </exception>
    public static StorageOptions FromEnvironment(
        StorageOptions? defaults = null,
        Func<string, string?>? readVariable = null)
    {
        defaults ??= new StorageOptions();
        readVariable ??= Environment.GetEnvironmentVariable;

        string? direct = NullIfBlank(readVariable(ConnectionStringVariable));
        string? filePath = NullIfBlank(readVariable(ConnectionStringFileVariable));
        if (direct is not null && filePath is not null)
        {
            throw new InvalidOperationException(
                $"Both {ConnectionStringVariable} and {ConnectionStringFileVariable} are set. Unset one of them.");
        }

        string? connectionString = direct ?? (filePath is null ? null : ReadConnectionStringFile(filePath));
        if (connectionString is null)
        {
            return defaults with { Kind = StorageKind.Local };
        }

        return defaults with { Kind = StorageKind.AzureBlob, ConnectionString = connectionString };
    }

    /// <summary>
    /// Describes the options for logs, for example "local folder /data/.fer" or
    /// "azure blob account devstoreaccount1 container fer". It never contains the account key or a SAS token.
    /// </summary>
    public string Describe() => Kind switch
    {
        StorageKind.Local => $"local folder {Path.GetFullPath(LocalPath)}",
        StorageKind.AzureBlob => $"{AzureConnectionStringSummary.Describe(ConnectionString)} container {Container}",
        _ => $"unknown storage kind {Kind}",
    };

    /// <summary>Returns <see cref="Describe"/>, so that logging the record cannot leak the connection string.</summary>
    public override string ToString() => $"StorageOptions {{ {Describe()} }}";

    /// <summary>Checks that the options name a usable backend.</summary>
    /// <exception cref="ArgumentException">
    /// A required setting is missing or invalid, and the message names it.
    /// </exception>
    public void Validate()
    {
        Retry.Validate();
        switch (Kind)
        {
            case StorageKind.Local when string.IsNullOrWhiteSpace(LocalPath):
                throw new ArgumentException("StorageOptions.LocalPath is empty. Set it to the folder for the blobs.");
            case StorageKind.Local:
                return;
            case StorageKind.AzureBlob when string.IsNullOrWhiteSpace(ConnectionString):
                throw new ArgumentException(
                    $"StorageOptions.ConnectionString is empty for Azure Blob Storage. Set {ConnectionStringVariable} " +
                    $"or {ConnectionStringFileVariable}.");
            case StorageKind.AzureBlob:
                AzureContainerName.Validate(Container);
                return;
            default:
                throw new ArgumentException($"StorageOptions.Kind {Kind} is unknown. Use Local or AzureBlob.");
        }
    }

    private static string ReadConnectionStringFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The connection string file '{path}' named by {ConnectionStringFileVariable} does not exist.", path);
        }

        string content = File.ReadAllText(path).Trim();
        if (content.Length == 0)
        {
            throw new InvalidOperationException(
                $"The connection string file '{path}' named by {ConnectionStringFileVariable} is empty.");
        }

        return content;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
