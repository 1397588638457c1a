namespace FerOrleans.Storage.Tests;

/// <summary>Writes through <see cref="AzureBlobStore"/> while its Azurite is down for a while.</summary>
public sealed class AzureBlobStoreOutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task PutAsync_AzuriteDownBriefly_SucceedsAfterRestart()
    {
        using var location = new TempFolder("azurite-outage");
        await using var azurite = await AzuriteProcess.StartAsync(location.Path);
        var store = AzureBlobStore.Create(azurite.ConnectionString, "outage");
        await store.PutAsync("before.bin", new byte[] { 1 });

        await azurite.StopAsync();
        var write = store.PutAsync("during.bin", new byte[] { 2, 3 });
        await Task.Delay(Outage);
        Assert.False(write.IsCompleted);
        await azurite.StartAgainAsync();
        await write;

        Assert.Equal(new byte[] { 1 }, (await store.GetAsync("before.bin"))!.Content);
        Assert.Equal(new byte[] { 2, 3 }, (await store.GetAsync("during.bin"))!.Content);
    }

    [Fact]
    public async Task PutAsync_AzuriteDownPastBudget_ThrowsTransientError()
    {
        using var location = new TempFolder("azurite-outage");
        await using var azurite = await AzuriteProcess.StartAsync(location.Path);
        var retry = new StorageRetryOptions { MaxRetries = 1, FirstDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(50) };
        var store = AzureBlobStore.Create(azurite.ConnectionString, "outage", retry);
        await store.PutAsync("before.bin", new byte[] { 1 });
        await azurite.StopAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => store.PutAsync("during.bin", new byte[] { 2 }));

        Assert.True(error.IsTransient(), $"{error.GetType().Name} should count as transient: {error.Message}");
    }
}
