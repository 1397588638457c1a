namespace FerOrleans.Storage;

/// <summary>Creates the <see cref="IBlobStore"/> that a <see cref="StorageOptions"/> selects.</summary>
public static class BlobStoreFactory
{
    /// <summary>Validates <paramref name="options"/> and creates its store.</summary>
    /// <exception cref="ArgumentException">
    /// The options are invalid, see <see cref="StorageOptions.Validate"/>.
    /// </exception>
    public static IBlobStore Create(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        return options.Kind switch
        {
            StorageKind.Local => new LocalFolderBlobStore(options.LocalPath),
            StorageKind.AzureBlob => AzureBlobStore.Create(options.ConnectionString!, options.Container, options.Retry),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "Unknown storage kind."),
        };
    }
}
