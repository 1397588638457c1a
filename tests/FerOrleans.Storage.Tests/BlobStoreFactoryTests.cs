namespace FerOrleans.Storage.Tests;

public sealed class BlobStoreFactoryTests
{
    [Fact]
    public void Create_LocalOptions_ReturnsLocalStoreAtAbsolutePath()
    {
        var options = new StorageOptions { LocalPath = "some/.fer" };

        IBlobStore store = BlobStoreFactory.Create(options);

        var local = Assert.IsType<LocalFolderBlobStore>(store);
        Assert.Equal(Path.GetFullPath("some/.fer"), local.Root);
    }

    [Fact]
    public void Create_AzureOptions_ReturnsAzureStoreForContainer()
    {
        var options = new StorageOptions
        {
            Kind = StorageKind.AzureBlob,
            ConnectionString = "UseDevelopmentStorage=true",
            Container = "sweeps",
        };

        IBlobStore store = BlobStoreFactory.Create(options);

        var azure = Assert.IsType<AzureBlobStore>(store);
        Assert.EndsWith("/devstoreaccount1/sweeps", azure.ContainerUri.AbsoluteUri);
    }

    [Fact]
    public void Create_AzureWithoutConnectionString_Throws()
    {
        var options = new StorageOptions { Kind = StorageKind.AzureBlob };

        Assert.Throws<ArgumentException>(() => BlobStoreFactory.Create(options));
    }
}
