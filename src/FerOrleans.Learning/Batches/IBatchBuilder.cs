using static TorchSharp.torch;

namespace FerOrleans.Learning.Batches;

/// <summary>
/// Builds the mini-batches of one training phase. Batch (epoch, step) depends only on the seed,
/// the phase and those two numbers, so a run resumed at an epoch boundary gets the same batches.
/// </summary>
/// <remarks>Implementations cache the order of the current epoch and are not thread-safe.</remarks>
public interface IBatchBuilder
{
    /// <summary>Steps of one epoch, which passes over AugmentationRatio copies of the training images.</summary>
    int StepsPerEpoch { get; }

    int ViewsPerImage { get; }

    /// <summary>Builds batch <paramref name="step"/> (0-based) of epoch <paramref name="epoch"/> (0-based) on <paramref name="device"/>.</summary>
    TrainingBatch Build(int epoch, int step, Device device);
}
