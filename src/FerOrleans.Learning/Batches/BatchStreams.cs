using FerOrleans.Learning.Augmentation;

namespace FerOrleans.Learning.Batches;

/// <summary>
/// The random streams of batch building, each derived from the run seed, a phase tag and the
/// position in training, so that no stream depends on another's consumption.
/// </summary>
public static class BatchStreams
{
    private const long OrderPurpose = 1;
    private const long SupplementPurpose = 2;
    private const long AugmentationPurpose = 3;

    /// <summary>Stream that shuffles the training images of one epoch.</summary>
    public static RandomStream Order(int seed, int phaseTag, int epoch) =>
        RandomStream.Derive(seed, phaseTag, OrderPurpose, epoch);

    /// <summary>Stream that draws the supplement images of one step.</summary>
    public static RandomStream Supplement(int seed, int phaseTag, int epoch, int step) =>
        RandomStream.Derive(seed, phaseTag, SupplementPurpose, epoch, step);

    /// <summary>Stream that augments the view in row <paramref name="slot"/> of one step's batch.</summary>
    public static RandomStream Augmentation(int seed, int phaseTag, int epoch, int step, int slot) =>
        RandomStream.Derive(seed, phaseTag, AugmentationPurpose, epoch, step, slot);
}
