namespace FerOrleans.Learning.Training;

/// <summary>Storage of the checkpoints of one run; the training runner calls it synchronously on its own thread.</summary>
public interface ICheckpointStore
{
    /// <summary>Returns the latest saved checkpoint of the run, or null when the run has none.</summary>
    byte[]? LoadLatest();

    /// <summary>
    /// Stores a checkpoint. <paramref name="sequence"/> counts the epochs finished in all phases,
    /// starting at 1, and grows by one with every call of a run.
    /// </summary>
    void Save(byte[] checkpoint, int sequence);
}
