namespace FerOrleans.Learning.Training;

/// <summary>Keeps the latest checkpoint in memory: for tests and for runs that need no resume across processes.</summary>
public sealed class InMemoryCheckpointStore : ICheckpointStore
{
    private readonly Lock gate = new();
    private byte[]? latest;

    /// <summary>Sequence number of the latest checkpoint; 0 before the first.</summary>
    public int LatestSequence { get; private set; }

    /// <summary>Number of <see cref="Save"/> calls.</summary>
    public int SaveCount { get; private set; }

    public byte[]? LoadLatest()
    {
        lock (gate)
        {
            return latest?.ToArray();
        }
    }

    public void Save(byte[] checkpoint, int sequence)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        lock (gate)
        {
            latest = checkpoint.ToArray();
            LatestSequence = sequence;
            SaveCount++;
        }
    }
}
