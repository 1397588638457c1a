using Azure.Core;
using Azure.Storage.Blobs;

namespace FerOrleans.Storage.Tests;

/// <summary>
/// The blob store contract run against <see cref="AzureBlobStore"/> on Azurite, one container per test.
/// </summary>
public sealed class AzureBlobStoreTests : BlobStoreContractTests, IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture _azurite;
    private readonly string _containerName = $"test-{Guid.NewGuid():N}";

    public AzureBlobStoreTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
    }

    [Fact]
    public async Task Create_MissingContainer_CreatesItOnFirstUse()
    {
        BlobContainerClient container = CreateContainerClient();

        await Store.PutAsync("a.bin", TestContent.Bytes(1));

        Assert.True((await container.ExistsAsync()).Value);
    }

    [Fact]
    public void CreateClientOptions_PinsServiceVersionAndExponentialRetries()
    {
        BlobClientOptions options = AzureBlobStore.CreateClientOptions();

        Assert.Equal(BlobClientOptions.ServiceVersion.V2026_06_06, options.Version);
        Assert.Equal(RetryMode.Exponential, options.Retry.Mode);
        Assert.InRange(options.Retry.MaxRetries, 1, 10);
        Assert.True(options.Retry.Delay < options.Retry.MaxDelay);
    }

    [Fact]
    public void Create_InvalidContainerName_ThrowsNamingRule()
    {
        var ex = Assert.Throws<ArgumentException>(() => AzureBlobStore.Create(_azurite.ConnectionString, "Bad_Name"));

        Assert.Contains("'Bad_Name'", ex.Message);
        Assert.Contains("lowercase", ex.Message);
    }

    [Fact]
    public void Create_MalformedConnectionString_ThrowsWithoutQuotingIt()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => AzureBlobStore.Create("AccountKey=secret-value", "fer"));

        Assert.DoesNotContain("secret-value", ex.ToString());
    }

    protected override Task<IBlobStore> CreateStoreAsync() =>
        Task.FromResult<IBlobStore>(AzureBlobStore.Create(_azurite.ConnectionString, _containerName));

    protected override IBlobStore CreatePeerStore() => new AzureBlobStore(CreateContainerClient());

    protected override async Task DeleteStorageAsync() => await CreateContainerClient().DeleteIfExistsAsync();

    private BlobContainerClient CreateContainerClient() =>
        new(_azurite.ConnectionString, _containerName, AzureBlobStore.CreateClientOptions());
}
