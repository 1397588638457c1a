namespace FerOrleans.Storage.Tests;

/// <summary>The blob store contract and the local-only behavior of <see cref="LocalFolderBlobStore"/>.</summary>
public sealed class LocalFolderBlobStoreTests : BlobStoreContractTests
{
    private readonly TempFolder _folder = new("store");

    private string Root => Path.Combine(_folder.Path, "root");

    [Fact]
    public async Task NewInstance_SameFolder_SeesBlobsWithSameETags()
    {
        byte[] content = TestContent.Bytes(1000);
        string etag = await Store.PutAsync("grains/sweep/s1.json", content);

        var restarted = new LocalFolderBlobStore(Root);
        StoredBlob? stored = await restarted.GetAsync("grains/sweep/s1.json");

        Assert.NotNull(stored);
        Assert.Equal(content, stored.Content);
        Assert.Equal(etag, stored.ETag);
        Assert.Equal(["grains/sweep/s1.json"], await ToListAsync(restarted.ListAsync("")));
    }

    [Fact]
    public async Task NewInstance_StaleETagFromBeforeRestart_StillConflicts()
    {
        string stale = await Store.PutAsync("grains/sweep/s1.json", TestContent.Bytes(10, seed: 1));
        await Store.PutAsync("grains/sweep/s1.json", TestContent.Bytes(10, seed: 2));

        var restarted = new LocalFolderBlobStore(Root);

        await Assert.ThrowsAsync<StorageConflictException>(
            () => restarted.PutAsync("grains/sweep/s1.json", TestContent.Bytes(10), BlobCondition.IfMatch(stale)));
    }

    [Fact]
    public async Task ListAsync_WithLockAndLeftoverTempFiles_ListsOnlyBlobs()
    {
        await Store.PutAsync("datasets/a.bin", TestContent.Bytes(10));
        await Assert.ThrowsAsync<StorageConflictException>(
            () => Store.PutAsync("datasets/a.bin", TestContent.Bytes(10), BlobCondition.IfNoneMatch));
        string blobPath = Path.Combine(Root, "datasets", "a.bin" + LocalBlobLayout.BlobSuffix);
        string leftoverTemp = LocalBlobLayout.TempPath(blobPath);
        await File.WriteAllBytesAsync(leftoverTemp, TestContent.Bytes(5));

        List<string> listed = await ToListAsync(Store.ListAsync(""));
        string[] files = Directory.GetFiles(Root, "*", SearchOption.AllDirectories);

        Assert.Equal(["datasets/a.bin"], listed);
        Assert.Contains(leftoverTemp, files);
        string lockFolder = Path.Combine(Root, LocalBlobLayout.LockFolderName);
        Assert.Contains(files, f => f.StartsWith(lockFolder, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PutAsync_StoresRawContentInBlobFile()
    {
        byte[] content = TestContent.Bytes(300);

        await Store.PutAsync("results/run-1.json", content);

        byte[] onDisk = await File.ReadAllBytesAsync(Path.Combine(Root, "results", "run-1.json~blob"));
        Assert.Equal(content, onDisk);
    }

    [Fact]
    public async Task PutAsync_ManyRapidWritesOfSameBytes_GiveDistinctETags()
    {
        byte[] content = TestContent.Bytes(16);
        var etags = new HashSet<string>();

        for (int i = 0; i < 50; i++)
        {
            etags.Add(await Store.PutAsync("state.json", content));
        }

        Assert.Equal(50, etags.Count);
    }

    [Fact]
    public void Constructor_RelativeRoot_ResolvesToAbsolutePath()
    {
        var store = new LocalFolderBlobStore("relative-root");

        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "relative-root"), store.Root);
        Assert.False(Directory.Exists(store.Root));
    }

    protected override Task<IBlobStore> CreateStoreAsync() => Task.FromResult<IBlobStore>(CreatePeerStore());

    protected override IBlobStore CreatePeerStore() => new LocalFolderBlobStore(Root);

    protected override Task DeleteStorageAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
