using System.Diagnostics;
using System.Runtime.CompilerServices;
using FerOrleans.Grains.Training;
using FerOrleans.Storage;

namespace FerOrleans.Hosting;

/// <summary>
/// Wraps a blob store and records the duration of every operation in
/// <see cref="FerMetricNames.StorageOperationDuration"/>, labelled by operation, backend and outcome.
/// </summary>
public sealed class MeteredBlobStore(IBlobStore inner, StorageKind kind, FerMetrics metrics) : IBlobStore
{
    private readonly string _backend = kind == StorageKind.AzureBlob ? "azureblob" : "local";

    public Task<StoredBlob?> GetAsync(string key, CancellationToken ct = default) =>
        MeasureAsync("get", () => inner.GetAsync(key, ct));

    public Task<string> PutAsync(
        string key, ReadOnlyMemory<byte> content, BlobCondition? condition = null, CancellationToken ct = default) =>
        MeasureAsync("put", () => inner.PutAsync(key, content, condition, ct));

    public Task<bool> DeleteAsync(string key, string? ifMatch = null, CancellationToken ct = default) =>
        MeasureAsync("delete", () => inner.DeleteAsync(key, ifMatch, ct));

    public Task<bool> ExistsAsync(string key, CancellationToken ct = default) =>
        MeasureAsync("exists", () => inner.ExistsAsync(key, ct));

    /// <summary>Lists keys; the recorded duration runs from the call until the caller stops enumerating.</summary>
    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var outcome = "ok";
        try
        {
            await using var keys = inner.ListAsync(prefix, ct).GetAsyncEnumerator(ct);
            while (await MoveNextAsync(keys, () => outcome = "error"))
            {
                yield return keys.Current;
            }
        }
        finally
        {
            metrics.RecordStorage("list", _backend, outcome, watch.Elapsed);
        }
    }

    private static async Task<bool> MoveNextAsync(IAsyncEnumerator<string> keys, Action onError)
    {
        try
        {
            return await keys.MoveNextAsync();
        }
        catch (Exception)
        {
            onError();
            throw;
        }
    }

    private async Task<T> MeasureAsync<T>(string operation, Func<Task<T>> call)
    {
        var watch = Stopwatch.StartNew();
        var outcome = "error";
        try
        {
            var result = await call();
            outcome = "ok";
            return result;
        }
        catch (StorageConflictException)
        {
            outcome = "conflict";
            throw;
        }
        finally
        {
            metrics.RecordStorage(operation, _backend, outcome, watch.Elapsed);
        }
    }
}
