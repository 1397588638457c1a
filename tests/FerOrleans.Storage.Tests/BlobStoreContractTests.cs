namespace FerOrleans.Storage.Tests;

/// <summary>
/// The behavior every <see cref="IBlobStore"/> must have. Each sealed subclass runs these facts against one
/// backend, with fresh storage for every test.
/// </summary>
public abstract class BlobStoreContractTests : IAsyncLifetime
{
    private const int FiveMegabytes = 5 * 1024 * 1024;

    private IBlobStore? _store;

    /// <summary>The store under test, over storage created for this test.</summary>
    protected IBlobStore Store => _store ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>Invalid keys with a word of the rule each one breaks.</summary>
    public static TheoryData<string, string> InvalidKeys => new()
    {
        { "", "empty" },
        { "/datasets/a.bin", "absolute" },
        { "datasets/../a.bin", "'..'" },
        { "datasets/./a.bin", "'.'" },
        { "..", "'..'" },
        { "datasets\\a.bin", "backslash" },
        { "datasets/a b.bin", "character ' '" },
        { "datasets/é.bin", "character 'é'" },
        { "datasets/a~blob", "character '~'" },
        { "datasets//a.bin", "empty segments" },
        { "datasets/", "empty segments" },
        { new string('a', BlobKey.MaxLength + 1), "at most 1024" },
    };

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public Task DisposeAsync() => DeleteStorageAsync();

    /// <summary>Creates fresh, empty storage for one test and returns a store over it.</summary>
    protected abstract Task<IBlobStore> CreateStoreAsync();

    /// <summary>Returns another store instance over the same storage, as a second process would open it.</summary>
    protected abstract IBlobStore CreatePeerStore();

    /// <summary>Deletes the storage created by <see cref="CreateStoreAsync"/>.</summary>
    protected abstract Task DeleteStorageAsync();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(FiveMegabytes)]
    public async Task PutAsync_ThenGet_ReturnsSameBytesAndETag(int length)
    {
        byte[] content = TestContent.Bytes(length);
        DateTimeOffset before = DateTimeOffset.UtcNow;

        string etag = await Store.PutAsync("datasets/london-A/shard-0000.bin", content);
        StoredBlob? blob = await Store.GetAsync("datasets/london-A/shard-0000.bin");

        Assert.NotNull(blob);
        Assert.Equal(content, blob.Content);
        Assert.Equal(etag, blob.ETag);
        Assert.InRange(blob.LastModified, before.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task GetAsync_MissingKey_ReturnsNull()
    {
        await Store.PutAsync("present.bin", TestContent.Bytes(3));

        Assert.Null(await Store.GetAsync("missing.bin"));
        Assert.Null(await Store.GetAsync("missing/nested/key.bin"));
    }

    [Fact]
    public async Task GetAsync_Twice_ReturnsSameETag()
    {
        await Store.PutAsync("state.json", TestContent.Bytes(10));

        StoredBlob? first = await Store.GetAsync("state.json");
        StoredBlob? second = await Store.GetAsync("state.json");

        Assert.Equal(first!.ETag, second!.ETag);
    }

    [Fact]
    public async Task PutAsync_OverwriteWithSameBytes_ChangesETag()
    {
        byte[] content = TestContent.Bytes(100);

        string first = await Store.PutAsync("state.json", content);
        string second = await Store.PutAsync("state.json", content);
        StoredBlob? stored = await Store.GetAsync("state.json");

        Assert.NotEqual(first, second);
        Assert.Equal(second, stored!.ETag);
        Assert.Equal(content, stored.Content);
    }

    [Fact]
    public async Task PutAsync_OverwriteWithNewBytes_ReplacesContent()
    {
        await Store.PutAsync("state.json", TestContent.Bytes(5000, seed: 1));
        byte[] shorter = TestContent.Bytes(7, seed: 2);

        await Store.PutAsync("state.json", shorter);
        StoredBlob? stored = await Store.GetAsync("state.json");

        Assert.Equal(shorter, stored!.Content);
    }

    [Fact]
    public async Task PutAsync_IfMatchCurrentETag_Replaces()
    {
        string etag = await Store.PutAsync("state.json", TestContent.Bytes(10, seed: 1));
        byte[] next = TestContent.Bytes(10, seed: 2);

        string nextETag = await Store.PutAsync("state.json", next, BlobCondition.IfMatch(etag));
        StoredBlob? stored = await Store.GetAsync("state.json");

        Assert.NotEqual(etag, nextETag);
        Assert.Equal(nextETag, stored!.ETag);
        Assert.Equal(next, stored.Content);
    }

    [Fact]
    public async Task PutAsync_IfMatchStaleETag_ThrowsConflictAndKeepsContent()
    {
        string stale = await Store.PutAsync("state.json", TestContent.Bytes(10, seed: 1));
        byte[] current = TestContent.Bytes(10, seed: 2);
        string currentETag = await Store.PutAsync("state.json", current);

        var conflict = await Assert.ThrowsAsync<StorageConflictException>(
            () => Store.PutAsync("state.json", TestContent.Bytes(10, seed: 3), BlobCondition.IfMatch(stale)));
        StoredBlob? stored = await Store.GetAsync("state.json");

        Assert.Equal("state.json", conflict.Key);
        Assert.Equal(stale, conflict.ExpectedETag);
        Assert.Equal(currentETag, conflict.ActualETag);
        Assert.Contains("state.json", conflict.Message);
        Assert.Equal(current, stored!.Content);
        Assert.Equal(currentETag, stored.ETag);
    }

    [Fact]
    public async Task PutAsync_IfMatchOnMissingKey_ThrowsConflictAndCreatesNothing()
    {
        string etag = await Store.PutAsync("other.json", TestContent.Bytes(10));

        var conflict = await Assert.ThrowsAsync<StorageConflictException>(
            () => Store.PutAsync("state.json", TestContent.Bytes(10), BlobCondition.IfMatch(etag)));

        Assert.Equal(etag, conflict.ExpectedETag);
        Assert.Null(conflict.ActualETag);
        Assert.False(await Store.ExistsAsync("state.json"));
    }

    [Fact]
    public async Task PutAsync_IfNoneMatchOnMissingKey_Creates()
    {
        byte[] content = TestContent.Bytes(10);

        string etag = await Store.PutAsync("state.json", content, BlobCondition.IfNoneMatch);
        StoredBlob? stored = await Store.GetAsync("state.json");

        Assert.Equal(etag, stored!.ETag);
        Assert.Equal(content, stored.Content);
    }

    [Fact]
    public async Task PutAsync_IfNoneMatchOnExistingKey_ThrowsConflictAndKeepsContent()
    {
        byte[] original = TestContent.Bytes(10, seed: 1);
        string etag = await Store.PutAsync("state.json", original);

        var conflict = await Assert.ThrowsAsync<StorageConflictException>(
            () => Store.PutAsync("state.json", TestContent.Bytes(10, seed: 2), BlobCondition.IfNoneMatch));
        StoredBlob? stored = await Store.GetAsync("state.json");

        Assert.Equal("state.json", conflict.Key);
        Assert.Null(conflict.ExpectedETag);
        Assert.Equal(etag, conflict.ActualETag);
        Assert.Equal(original, stored!.Content);
        Assert.Equal(etag, stored.ETag);
    }

    [Fact]
    public async Task PutAsync_EightConcurrentIfNoneMatch_ExactlyOneWins()
    {
        const int writers = 8;
        IBlobStore[] stores = [Store, .. Enumerable.Range(1, writers - 1).Select(_ => CreatePeerStore())];
        using var start = new SemaphoreSlim(0, writers);

        Task<(int Writer, string? ETag)>[] attempts = Enumerable.Range(0, writers)
            .Select(writer => Task.Run(async () =>
            {
                await start.WaitAsync();
                try
                {
                    string etag = await stores[writer].PutAsync(
                        "sweeps/s1/lease.json", TestContent.Bytes(64, seed: writer), BlobCondition.IfNoneMatch);
                    return (writer, (string?)etag);
                }
                catch (StorageConflictException)
                {
                    return (writer, null);
                }
            }))
            .ToArray();
        start.Release(writers);
        (int Writer, string? ETag)[] results = await Task.WhenAll(attempts);

        (int Writer, string? ETag)[] winners = results.Where(r => r.ETag is not null).ToArray();
        Assert.Single(winners);
        StoredBlob? stored = await Store.GetAsync("sweeps/s1/lease.json");
        Assert.Equal(winners[0].ETag, stored!.ETag);
        Assert.Equal(TestContent.Bytes(64, seed: winners[0].Writer), stored.Content);
    }

    [Fact]
    public async Task GetAsync_DuringOverwrites_NeverReturnsPartialBlob()
    {
        byte[] small = Enumerable.Repeat((byte)0xAA, 256 * 1024).ToArray();
        byte[] large = Enumerable.Repeat((byte)0xBB, 1024 * 1024).ToArray();
        await Store.PutAsync("checkpoints/run-1/latest.bin", small);
        IBlobStore reader = CreatePeerStore();

        Task writer = Task.Run(async () =>
        {
            for (int i = 0; i < 20; i++)
            {
                await Store.PutAsync("checkpoints/run-1/latest.bin", i % 2 == 0 ? large : small);
            }
        });
        var lengthsSeen = new HashSet<int>();
        while (!writer.IsCompleted)
        {
            StoredBlob? blob = await reader.GetAsync("checkpoints/run-1/latest.bin");
            Assert.NotNull(blob);
            bool isWhole = blob.Content.AsSpan().SequenceEqual(small) || blob.Content.AsSpan().SequenceEqual(large);
            Assert.True(isWhole, $"Read a blob of {blob.Content.Length} bytes that matches neither version.");
            lengthsSeen.Add(blob.Content.Length);
        }

        await writer;
        Assert.NotEmpty(lengthsSeen);
    }

    [Fact]
    public async Task DeleteAsync_ExistingKey_ReturnsTrueAndRemovesBlob()
    {
        await Store.PutAsync("results/r1.json", TestContent.Bytes(10));
        await Store.PutAsync("results/r2.json", TestContent.Bytes(10));

        bool deleted = await Store.DeleteAsync("results/r1.json");

        Assert.True(deleted);
        Assert.Null(await Store.GetAsync("results/r1.json"));
        Assert.False(await Store.ExistsAsync("results/r1.json"));
        Assert.True(await Store.ExistsAsync("results/r2.json"));
    }

    [Fact]
    public async Task DeleteAsync_MissingKey_ReturnsFalse()
    {
        Assert.False(await Store.DeleteAsync("results/missing.json"));
        Assert.False(await Store.DeleteAsync("results/missing.json", ifMatch: "\"0x8D0000000000000\""));
    }

    [Fact]
    public async Task DeleteAsync_CurrentETag_Deletes()
    {
        string etag = await Store.PutAsync("results/r1.json", TestContent.Bytes(10));

        Assert.True(await Store.DeleteAsync("results/r1.json", ifMatch: etag));
        Assert.False(await Store.ExistsAsync("results/r1.json"));
    }

    [Fact]
    public async Task DeleteAsync_StaleETag_ThrowsConflictAndKeepsBlob()
    {
        string stale = await Store.PutAsync("results/r1.json", TestContent.Bytes(10, seed: 1));
        byte[] current = TestContent.Bytes(10, seed: 2);
        string currentETag = await Store.PutAsync("results/r1.json", current);

        var conflict = await Assert.ThrowsAsync<StorageConflictException>(
            () => Store.DeleteAsync("results/r1.json", ifMatch: stale));
        StoredBlob? stored = await Store.GetAsync("results/r1.json");

        Assert.Equal(stale, conflict.ExpectedETag);
        Assert.Equal(currentETag, conflict.ActualETag);
        Assert.Equal(current, stored!.Content);
    }

    [Fact]
    public async Task DeleteAsync_ThenIfNoneMatch_CreatesAgain()
    {
        await Store.PutAsync("sweeps/s1/lease.json", TestContent.Bytes(10, seed: 1));
        await Store.DeleteAsync("sweeps/s1/lease.json");

        byte[] content = TestContent.Bytes(10, seed: 2);
        await Store.PutAsync("sweeps/s1/lease.json", content, BlobCondition.IfNoneMatch);

        Assert.Equal(content, (await Store.GetAsync("sweeps/s1/lease.json"))!.Content);
    }

    [Fact]
    public async Task ListAsync_FolderPrefix_ReturnsNestedKeysInOrdinalOrder()
    {
        string[] keys =
        [
            "datasets/b/2.bin", "other/y.bin", "datasets/a.bin", "datasets-old/x.bin", "datasets/B.bin",
            "datasets/a/1.bin", "datasets", "datasets/a/deeper/z=1+2.bin", "datasets/.hidden",
        ];
        foreach (string key in keys)
        {
            await Store.PutAsync(key, TestContent.Bytes(4));
        }

        List<string> listed = await ToListAsync(Store.ListAsync("datasets/"));

        // Ordinal: '.' < '/' < 'B' < 'a', so "a.bin" comes before "a/1.bin" and "B.bin" before both.
        string[] expected =
        [
            "datasets/.hidden", "datasets/B.bin", "datasets/a.bin", "datasets/a/1.bin",
            "datasets/a/deeper/z=1+2.bin", "datasets/b/2.bin",
        ];
        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task ListAsync_PartialSegmentPrefix_MatchesStringPrefix()
    {
        string[] keys = ["runs/1/result.json", "runs/10/result.json", "runs/2/result.json"];
        foreach (string key in keys)
        {
            await Store.PutAsync(key, TestContent.Bytes(4));
        }

        List<string> listed = await ToListAsync(Store.ListAsync("runs/1"));

        Assert.Equal(["runs/1/result.json", "runs/10/result.json"], listed);
    }

    [Fact]
    public async Task ListAsync_EmptyPrefix_ReturnsEveryKey()
    {
        string[] keys = ["b.bin", "a/b/c.bin", "a.bin"];
        foreach (string key in keys)
        {
            await Store.PutAsync(key, TestContent.Bytes(4));
        }

        List<string> listed = await ToListAsync(Store.ListAsync(""));

        Assert.Equal(["a.bin", "a/b/c.bin", "b.bin"], listed);
    }

    [Fact]
    public async Task ListAsync_NoMatches_ReturnsEmpty()
    {
        await Store.PutAsync("datasets/a.bin", TestContent.Bytes(4));

        Assert.Empty(await ToListAsync(Store.ListAsync("results/")));
        Assert.Empty(await ToListAsync(Store.ListAsync("missing/deeper/")));
    }

    [Fact]
    public async Task ListAsync_AfterDelete_OmitsDeletedKey()
    {
        await Store.PutAsync("results/r1.json", TestContent.Bytes(4));
        await Store.PutAsync("results/r2.json", TestContent.Bytes(4));
        await Store.DeleteAsync("results/r1.json");

        Assert.Equal(["results/r2.json"], await ToListAsync(Store.ListAsync("results/")));
    }

    [Fact]
    public async Task PutAsync_KeyAndChildKey_BothStored()
    {
        byte[] parent = TestContent.Bytes(4, seed: 1);
        byte[] child = TestContent.Bytes(4, seed: 2);

        await Store.PutAsync("runs/r1", parent);
        await Store.PutAsync("runs/r1/metrics.json", child);

        Assert.Equal(parent, (await Store.GetAsync("runs/r1"))!.Content);
        Assert.Equal(child, (await Store.GetAsync("runs/r1/metrics.json"))!.Content);
        Assert.Equal(["runs/r1", "runs/r1/metrics.json"], await ToListAsync(Store.ListAsync("runs/")));
    }

    [Fact]
    public async Task ExistsAsync_ReflectsPutAndDelete()
    {
        Assert.False(await Store.ExistsAsync("manifests/m.json"));

        await Store.PutAsync("manifests/m.json", TestContent.Bytes(0));
        Assert.True(await Store.ExistsAsync("manifests/m.json"));

        await Store.DeleteAsync("manifests/m.json");
        Assert.False(await Store.ExistsAsync("manifests/m.json"));
    }

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public async Task EveryMember_InvalidKey_ThrowsNamingKeyAndRule(string key, string rule)
    {
        var get = await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.GetAsync(key));
        var put = await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.PutAsync(key, TestContent.Bytes(1)));
        var delete = await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.DeleteAsync(key));
        var exists = await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ExistsAsync(key));

        foreach (ArgumentException ex in new[] { get, put, delete, exists })
        {
            Assert.Contains($"'{key}'", ex.Message);
            Assert.Contains(rule, ex.Message);
        }
    }

    [Theory]
    [InlineData("/datasets", "absolute")]
    [InlineData("datasets/../", "'..'")]
    [InlineData("datasets\\", "backslash")]
    [InlineData("data sets", "character ' '")]
    public void ListAsync_InvalidPrefix_ThrowsNamingPrefixAndRule(string prefix, string rule)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => Store.ListAsync(prefix));

        Assert.Contains($"'{prefix}'", ex.Message);
        Assert.Contains(rule, ex.Message);
    }

    protected static async Task<List<string>> ToListAsync(IAsyncEnumerable<string> keys)
    {
        var list = new List<string>();
        await foreach (string key in keys)
        {
            list.Add(key);
        }

        return list;
    }
}
