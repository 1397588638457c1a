using FerOrleans.Learning.Augmentation;
using FerOrleans.Learning.Data;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Batches;

/// <summary>
/// Contrastive batches of the (c) and (c+a) variants: b/2 distinct images, each with two
/// independent augmentations. In (c) all images come from the training part of A. In (c+a),
/// given data set B, half of them (rounded up) come from A and the rest are drawn at random from
/// all of B, distinct within the batch.
/// </summary>
public sealed class TwoViewBatchBuilder : BatchBuilder
{
    private const int Views = 2;

    private readonly int[] supplementPool;

    public TwoViewBatchBuilder(
        FaceDataset target,
        IReadOnlyList<int> trainIndices,
        FaceDataset? supplement,
        int batchSize,
        int augmentationRatio,
        ImageAugmenter augmenter,
        int seed,
        int phaseTag = 0)
        : base(
            target,
            trainIndices,
            supplement,
            TargetPerStep(batchSize, supplement),
            augmentationRatio,
            augmenter ?? throw new ArgumentNullException(nameof(augmenter)),
            seed,
            phaseTag)
    {
        ImagesPerBatch = ImagesPerContrastiveBatch(batchSize);
        SupplementImagesPerStep = supplement is null ? 0 : ImagesPerBatch - TargetImagesPerStep;
        supplementPool = supplement is null ? [] : Enumerable.Range(0, supplement.Count).ToArray();
        if (supplementPool.Length < SupplementImagesPerStep)
        {
            throw new ArgumentException(
                $"Data set B ('{supplement!.Name}') has {supplementPool.Length} images; a batch needs {SupplementImagesPerStep}.",
                nameof(supplement));
        }
    }

    /// <summary>Images of a full batch: b/2.</summary>
    public int ImagesPerBatch { get; }

    /// <summary>Images of B in a full batch; 0 in (c).</summary>
    public int SupplementImagesPerStep { get; }

    public override int ViewsPerImage => Views;

    public override TrainingBatch Build(int epoch, int step, Device device)
    {
        var images = TargetThenSupplement(epoch, step, supplementPool, SupplementImagesPerStep);
        var labels = images.Select(Label).ToArray();
        return Render(ViewMajor(images, Views), Views, labels, epoch, step, device);
    }

    private static int TargetPerStep(int batchSize, FaceDataset? supplement)
    {
        var images = ImagesPerContrastiveBatch(batchSize);
        return supplement is null ? images : (images + 1) / 2;
    }
}
