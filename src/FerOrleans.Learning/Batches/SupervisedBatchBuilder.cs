using FerOrleans.Learning.Augmentation;
using FerOrleans.Learning.Data;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Batches;

/// <summary>
/// Batches of supervised training (SL) and of the linear probe: b images with one view each.
/// From the training part of A alone, or, given data set B, half (rounded up) from A and the
/// rest drawn at random from the images of B whose label is one of <c>classLabels</c>.
/// </summary>
public sealed class SupervisedBatchBuilder : BatchBuilder
{
    private const int Views = 1;

    private readonly int[] supplementPool;

    /// <param name="augmenter">Augmentation of every image, or null for un-augmented images.</param>
    public SupervisedBatchBuilder(
        FaceDataset target,
        IReadOnlyList<int> trainIndices,
        FaceDataset? supplement,
        IReadOnlyList<Emotion> classLabels,
        int batchSize,
        int augmentationRatio,
        ImageAugmenter? augmenter,
        int seed,
        int phaseTag = 0)
        : base(
            target,
            trainIndices,
            supplement,
            TargetPerStep(batchSize, supplement),
            augmentationRatio,
            augmenter,
            seed,
            phaseTag)
    {
        ArgumentNullException.ThrowIfNull(classLabels);
        ImagesPerBatch = batchSize;
        SupplementImagesPerStep = supplement is null ? 0 : batchSize - TargetImagesPerStep;

        var classes = classLabels.ToHashSet();
        supplementPool = supplement is null
            ? []
            : Enumerable.Range(0, supplement.Count).Where(i => classes.Contains(supplement.Labels[i])).ToArray();
        if (supplementPool.Length < SupplementImagesPerStep)
        {
            throw new ArgumentException(
                $"Data set B ('{supplement!.Name}') has {supplementPool.Length} images with a label of A; "
                + $"a batch needs {SupplementImagesPerStep}.", nameof(supplement));
        }
    }

    public int ImagesPerBatch { get; }

    /// <summary>Images of B in a full batch; 0 without B.</summary>
    public int SupplementImagesPerStep { get; }

    public override int ViewsPerImage => Views;

    public override TrainingBatch Build(int epoch, int step, Device device)
    {
        var images = TargetThenSupplement(epoch, step, supplementPool, SupplementImagesPerStep);
        var sources = images.ToArray();
        var labels = sources.Select(Label).ToArray();
        return Render(sources, Views, labels, epoch, step, device);
    }

    private static int TargetPerStep(int batchSize, FaceDataset? supplement)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, supplement is null ? 1 : 2);
        return supplement is null ? batchSize : (batchSize + 1) / 2;
    }
}
