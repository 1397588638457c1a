using System.Diagnostics;
using FerOrleans.Learning.Training;
using FerOrleans.Storage;

namespace FerOrleans.Cli.Commands.Bench;

/// <summary>Checkpoints of one run in a blob store, keeping the last two as the silo does, with the time of each store.</summary>
public sealed class TimedCheckpointStore(IBlobStore store, string runId) : ICheckpointStore
{
    private const int Kept = 2;

    private readonly List<int> sequences = [];

    public int Saves { get; private set; }

    /// <summary>Size of the last checkpoint.</summary>
    public long Bytes { get; private set; }

    /// <summary>Time spent writing and deleting checkpoint blobs.</summary>
    public TimeSpan SaveTime { get; private set; }

    public byte[]? LoadLatest() =>
        sequences.Count == 0 ? null : store.GetAsync(Key(sequences[^1])).GetAwaiter().GetResult()?.Content;

    public void Save(byte[] checkpoint, int sequence)
    {
        var watch = Stopwatch.StartNew();
        store.PutAsync(Key(sequence), checkpoint).GetAwaiter().GetResult();
        sequences.Add(sequence);
        while (sequences.Count > Kept)
        {
            store.DeleteAsync(Key(sequences[0])).GetAwaiter().GetResult();
            sequences.RemoveAt(0);
        }

        SaveTime += watch.Elapsed;
        Saves++;
        Bytes = checkpoint.Length;
    }

    private string Key(int sequence) => $"runs/{runId}/checkpoint-{sequence:D6}.bin";
}
