using FerOrleans.Contracts.Runs;
using FerOrleans.Learning.Training;
using FerOrleans.Storage;

namespace FerOrleans.Grains.Training;

/// <summary>Lists the stored checkpoints of a run with their phase, epoch, size and checksum result.</summary>
public static class CheckpointCatalog
{
    /// <summary>Every checkpoint blob of <paramref name="runId"/>, oldest first; each is downloaded to check it.</summary>
    public static async Task<IReadOnlyList<CheckpointInfo>> ListAsync(IBlobStore store, string runId, CancellationToken ct = default)
    {
        var infos = new List<CheckpointInfo>();
        await foreach (var key in store.ListAsync(StoreKeys.CheckpointPrefix(runId), ct))
        {
            if (StoreKeys.CheckpointSequence(key) is not { } sequence || await store.GetAsync(key, ct) is not { } blob)
            {
                continue;
            }

            infos.Add(Describe(runId, key, sequence, blob));
        }
        return infos.OrderBy(info => info.Sequence).ToArray();
    }

    private static CheckpointInfo Describe(string runId, string key, int sequence, StoredBlob blob)
    {
        var info = new CheckpointInfo
        {
            Sequence = sequence,
            Key = key,
            Bytes = blob.Content.LongLength,
            StoredUtc = blob.LastModified,
        };
        try
        {
            var checkpoint = Checkpoint.FromBytes(blob.Content, runId);
            return info with
            {
                Phase = checkpoint.Phase.ToString().ToLowerInvariant(),
                Epoch = checkpoint.CompletedEpochs,
            };
        }
        catch (InvalidDataException ex)
        {
            return info with { Problem = ex.Message };
        }
    }
}
