namespace FerOrleans.Storage;

/// <summary>The backend a <see cref="StorageOptions"/> selects.</summary>
public enum StorageKind
{
    /// <summary>Files under a local folder, see <see cref="LocalFolderBlobStore"/>.</summary>
    Local,

    /// <summary>An Azure Blob Storage container, see <see cref="AzureBlobStore"/>.</summary>
    AzureBlob,
}
