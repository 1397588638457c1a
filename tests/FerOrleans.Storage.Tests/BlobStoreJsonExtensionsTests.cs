using System.Text;

namespace FerOrleans.Storage.Tests;

public sealed class BlobStoreJsonExtensionsTests : IDisposable
{
    private readonly TempFolder _folder = new("json");
    private readonly LocalFolderBlobStore _store;

    public BlobStoreJsonExtensionsTests()
    {
        _store = new LocalFolderBlobStore(_folder.Path);
    }

    public enum SampleStatus
    {
        Pending,
        InProgress,
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task PutJsonAsync_ThenGet_RoundTripsValueAndETag()
    {
        var state = new SampleState("sweep-1", 0.001, SampleStatus.InProgress, [1, 2, 3]);

        string etag = await _store.PutJsonAsync("grains/sweep/sweep-1.json", state);
        JsonBlob<SampleState>? read = await _store.GetJsonAsync<SampleState>("grains/sweep/sweep-1.json");

        Assert.NotNull(read);
        Assert.Equal(state.SweepId, read.Value.SweepId);
        Assert.Equal(state.LearningRate, read.Value.LearningRate);
        Assert.Equal(state.Status, read.Value.Status);
        Assert.Equal(state.Folds, read.Value.Folds);
        Assert.Equal(etag, read.ETag);
    }

    [Fact]
    public async Task PutJsonAsync_WritesCamelCaseNamesAndEnumStrings()
    {
        await _store.PutJsonAsync("m.json", new SampleState("s", 0.5, SampleStatus.InProgress, []));

        string json = Encoding.UTF8.GetString((await _store.GetAsync("m.json"))!.Content);

        Assert.Contains("\"sweepId\": \"s\"", json);
        Assert.Contains("\"learningRate\": 0.5", json);
        Assert.Contains("\"status\": \"inProgress\"", json);
        Assert.DoesNotContain("SweepId", json);
    }

    [Fact]
    public async Task PutJsonAsync_StaleETag_ThrowsConflict()
    {
        string stale = await _store.PutJsonAsync("m.json", new SampleState("s", 1, SampleStatus.Pending, []));
        await _store.PutJsonAsync("m.json", new SampleState("s", 2, SampleStatus.Pending, []));

        await Assert.ThrowsAsync<StorageConflictException>(() => _store.PutJsonAsync(
            "m.json", new SampleState("s", 3, SampleStatus.Pending, []), BlobCondition.IfMatch(stale)));
    }

    [Fact]
    public async Task GetJsonAsync_MissingKey_ReturnsNull()
    {
        Assert.Null(await _store.GetJsonAsync<SampleState>("missing.json"));
    }

    [Fact]
    public async Task GetJsonAsync_InvalidJson_ThrowsNamingKey()
    {
        await _store.PutAsync("broken.json", Encoding.UTF8.GetBytes("{\"sweepId\": "));

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => _store.GetJsonAsync<SampleState>("broken.json"));

        Assert.Contains("'broken.json'", ex.Message);
        Assert.Contains(nameof(SampleState), ex.Message);
    }

    [Fact]
    public async Task GetJsonAsync_JsonNull_ThrowsNamingKey()
    {
        await _store.PutAsync("null.json", Encoding.UTF8.GetBytes("null"));

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => _store.GetJsonAsync<SampleState>("null.json"));

        Assert.Contains("'null.json'", ex.Message);
    }

    public sealed record SampleState(string SweepId, double LearningRate, SampleStatus Status, int[] Folds);
}
