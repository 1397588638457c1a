using System.Diagnostics;
using FerOrleans.Learning.Training;
using FerOrleans.Storage;
using Microsoft.Extensions.Logging;

namespace FerOrleans.Grains.Training;

/// <summary>
/// Checkpoints of one run as numbered blobs. Each write is one atomic blob write, conditional on its ETag,
/// and older checkpoints are deleted only after a newer one is stored, so a crash at any moment leaves at
/// least one whole checkpoint. Loading skips checkpoints that fail their checksum and takes the newest
/// valid one. Reads and writes are retried after transient store errors. Called on the slot thread.
/// </summary>
public sealed class BlobCheckpointStore(
    IBlobStore store,
    string runId,
    int kept,
    StorageRetryOptions retry,
    FerMetrics metrics,
    ILogger logger) : ICheckpointStore
{
    /// <summary>ETags of stored checkpoints found unusable; a new checkpoint of that sequence replaces exactly them.</summary>
    private readonly Dictionary<int, string> _unusable = [];
    private (int Sequence, byte[] Content)? _found;
    private bool _searched;

    /// <summary>
    /// Sequence of the newest checkpoint that passes its checksum, 0 when there is none. The checkpoint is kept
    /// for the following <see cref="LoadLatest"/>, so it is downloaded once.
    /// </summary>
    public int LatestValidSequence()
    {
        _found = FindLatestValid();
        _searched = true;
        return _found?.Sequence ?? 0;
    }

    public byte[]? LoadLatest()
    {
        var found = _searched ? _found : FindLatestValid();
        _found = null;
        _searched = false;
        return found?.Content;
    }

    public void Save(byte[] checkpoint, int sequence)
    {
        var watch = Stopwatch.StartNew();
        var key = StoreKeys.Checkpoint(runId, sequence);
        var condition = _unusable.TryGetValue(sequence, out var etag) ? BlobCondition.IfMatch(etag) : BlobCondition.IfNoneMatch;
        Retried($"writing checkpoint {sequence} to '{key}'", ct => WriteAsync(key, checkpoint, condition, ct));
        _unusable.Remove(sequence);
        metrics.RecordCheckpoint(watch.Elapsed, checkpoint.Length);
        logger.CheckpointStored(runId, sequence, checkpoint.Length);

        foreach (var old in Sequences().Where(s => s < sequence).SkipLast(kept - 1))
        {
            DeleteOld(old);
        }
    }

    /// <summary>
    /// Writes a checkpoint that no other writer may have stored: a conflict means either that an earlier try of
    /// this write did land (its response was lost), which is success, or that another slot trains this run.
    /// </summary>
    private async Task<bool> WriteAsync(string key, byte[] checkpoint, BlobCondition condition, CancellationToken ct)
    {
        try
        {
            await store.PutAsync(key, checkpoint, condition, ct);
            return true;
        }
        catch (StorageConflictException ex)
        {
            var stored = await store.GetAsync(key, ct);
            if (stored is not null && stored.Content.AsSpan().SequenceEqual(checkpoint))
            {
                return true;
            }

            throw new InvalidOperationException(
                $"Checkpoint '{key}' of run {runId} was stored by another writer while this slot trained the run, "
                + "so two slots are training it. This attempt stops; resume the run once the other slot has finished.",
                ex);
        }
    }

    private (int Sequence, byte[] Content)? FindLatestValid()
    {
        var sequences = Sequences();
        for (var i = sequences.Count - 1; i >= 0; i--)
        {
            var sequence = sequences[i];
            var key = StoreKeys.Checkpoint(runId, sequence);
            var blob = Retried($"reading checkpoint '{key}'", ct => store.GetAsync(key, ct));
            if (blob is null)
            {
                continue;
            }

            try
            {
                Checkpoint.FromBytes(blob.Content, runId);
                return (sequence, blob.Content);
            }
            catch (InvalidDataException ex)
            {
                logger.CheckpointCorrupt(runId, sequence, ex.Message);
                _unusable[sequence] = blob.ETag;
            }
        }

        if (sequences.Count > 0)
        {
            logger.CheckpointNoneValid(runId, sequences.Count);
        }
        return null;
    }

    private void DeleteOld(int sequence)
    {
        try
        {
            Retried($"deleting checkpoint {sequence}", ct => store.DeleteAsync(StoreKeys.Checkpoint(runId, sequence), ct: ct));
        }
        catch (StorageUnavailableException ex)
        {
            // A checkpoint too many costs space, not correctness; the next save deletes it.
            logger.CheckpointDeleteFailed(ex, runId, sequence);
        }
    }

    /// <summary>Sequence numbers of the stored checkpoints, ascending.</summary>
    private List<int> Sequences() => Retried($"listing the checkpoints under '{StoreKeys.CheckpointPrefix(runId)}'", async ct =>
    {
        var sequences = new List<int>();
        await foreach (var key in store.ListAsync(StoreKeys.CheckpointPrefix(runId), ct))
        {
            if (StoreKeys.CheckpointSequence(key) is { } sequence)
            {
                sequences.Add(sequence);
            }
        }
        sequences.Sort();
        return sequences;
    });

    /// <summary>Runs a store call with <see cref="StorageRetry"/>, blocking: the slot thread is not a pool thread.</summary>
    private T Retried<T>(string operation, Func<CancellationToken, Task<T>> call) =>
        StorageRetry.RunAsync(
                call,
                $"run {runId}: {operation}",
                retry,
                (ex, attempt, delay) => logger.CheckpointStoreRetry(ex, runId, operation, attempt, delay))
            .GetAwaiter()
            .GetResult();
}
