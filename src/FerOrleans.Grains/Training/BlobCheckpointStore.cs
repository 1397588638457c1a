using System.Diagnostics;
using FerOrleans.Learning.Training;
using FerOrleans.Storage;
using Microsoft.Extensions.Logging;

namespace FerOrleans.Grains.Training;

/// <summary>
/// Checkpoints of one run as numbered blobs. A new checkpoint is stored completely before older ones are
/// deleted, so a crash at any moment leaves at least one whole checkpoint. Called on the slot thread.
/// </summary>
public sealed class BlobCheckpointStore(
    IBlobStore store,
    string runId,
    int kept,
    FerMetrics metrics,
    ILogger logger) : ICheckpointStore
{
    /// <summary>Sequence of the newest stored checkpoint, 0 when there is none.</summary>
    public int LatestSequence() => Sequences().LastOrDefault();

    public byte[]? LoadLatest()
    {
        var sequences = Sequences();
        if (sequences.Count == 0)
        {
            return null;
        }

        var blob = store.GetAsync(StoreKeys.Checkpoint(runId, sequences[^1])).GetAwaiter().GetResult();
        return blob?.Content;
    }

    public void Save(byte[] checkpoint, int sequence)
    {
        var watch = Stopwatch.StartNew();
        store.PutAsync(StoreKeys.Checkpoint(runId, sequence), checkpoint).GetAwaiter().GetResult();
        metrics.RecordCheckpoint(watch.Elapsed, checkpoint.Length);

        foreach (var old in Sequences().Where(s => s < sequence).SkipLast(kept - 1))
        {
            store.DeleteAsync(StoreKeys.Checkpoint(runId, old)).GetAwaiter().GetResult();
        }
        logger.CheckpointStored(runId, sequence, checkpoint.Length);
    }

    /// <summary>Sequence numbers of the stored checkpoints, ascending; called on the slot thread, so it may block.</summary>
    private List<int> Sequences() => store.ListAsync(StoreKeys.CheckpointPrefix(runId))
        .ToBlockingEnumerable()
        .Select(StoreKeys.CheckpointSequence)
        .OfType<int>()
        .Order()
        .ToList();
}
