using FerOrleans.Storage;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace FerOrleans.Hosting.Tests;

public sealed class BlobGrainStorageTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fer-grain-storage-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task WriteThenRead_NewStorageOverSameFolder_ReturnsSameState()
    {
        var grain = GrainId.Create("run", "sweep/sl-c-s50-r5-k0");
        var written = new GrainState<Counter>(new Counter { Value = 42, Name = "x" });
        await new BlobGrainStorage(new LocalFolderBlobStore(_folder)).WriteStateAsync("run", grain, written);

        var read = new GrainState<Counter>(new Counter());
        await new BlobGrainStorage(new LocalFolderBlobStore(_folder)).ReadStateAsync("run", grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(42, read.State!.Value);
        Assert.Equal("x", read.State!.Name);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task Write_StaleETag_ThrowsInconsistentStateAndKeepsStoredState()
    {
        var storage = new BlobGrainStorage(new LocalFolderBlobStore(_folder));
        var grain = GrainId.Create("sweep", "quick");
        var first = new GrainState<Counter>(new Counter { Value = 1 });
        await storage.WriteStateAsync("sweep", grain, first);
        var stale = new GrainState<Counter>(new Counter { Value = 2 }) { ETag = first.ETag };
        first.State!.Value = 3;
        await storage.WriteStateAsync("sweep", grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("sweep", grain, stale));

        var read = new GrainState<Counter>(new Counter());
        await storage.ReadStateAsync("sweep", grain, read);
        Assert.Equal(3, read.State!.Value);
    }

    [Fact]
    public void KeyOf_KeyWithSlashAndBrackets_EscapesToValidBlobKey()
    {
        var key = BlobGrainStorage.KeyOf("run", GrainId.Create("run", "quick/sc(c<-a)"));

        Assert.Equal("grains/run/run/quick=2Fsc=28c=3C-a=29.json", key);
    }

    public sealed class Counter
    {
        public int Value { get; set; }

        public string Name { get; set; } = "";
    }
}
