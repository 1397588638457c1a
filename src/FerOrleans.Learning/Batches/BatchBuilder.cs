using FerOrleans.Learning.Augmentation;
using FerOrleans.Learning.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Batches;

/// <summary>
/// Shared work of the batch builders: validated inputs, the per-epoch order of the training
/// images of A, and the rendering of views into one tensor.
/// </summary>
/// <remarks>
/// Each step takes the next <see cref="TargetImagesPerStep"/> entries of the epoch order, so
/// StepsPerEpoch = ceil(AugmentationRatio x |train| / TargetImagesPerStep) and the last step
/// may be smaller. Where a batch mixes in images of B, the B part has the same size as the A
/// part. An epoch of a mixed variant therefore has twice the steps of its children-only variant,
/// and it still passes over AugmentationRatio copies of A.
/// </remarks>
public abstract class BatchBuilder : IBatchBuilder
{
    private int cachedEpoch = -1;
    private int[] cachedOrder = [];

    protected BatchBuilder(
        FaceDataset target,
        IReadOnlyList<int> trainIndices,
        FaceDataset? supplement,
        int targetImagesPerStep,
        int augmentationRatio,
        ImageAugmenter? augmenter,
        int seed,
        int phaseTag)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(trainIndices);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetImagesPerStep, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(augmentationRatio, 1);
        CheckTrainIndices(target, trainIndices, targetImagesPerStep);
        if (supplement is not null && supplement.ImageSize != target.ImageSize)
        {
            throw new ArgumentException(
                $"Data set B ('{supplement.Name}') has {supplement.ImageSize}x{supplement.ImageSize} images but "
                + $"data set A ('{target.Name}') has {target.ImageSize}x{target.ImageSize}; both must have one size.",
                nameof(supplement));
        }

        if (augmenter is not null && augmenter.ImageSize != target.ImageSize)
        {
            throw new ArgumentException(
                $"The augmenter works on {augmenter.ImageSize}x{augmenter.ImageSize} images but data set A "
                + $"('{target.Name}') has {target.ImageSize}x{target.ImageSize}.", nameof(augmenter));
        }

        Target = target;
        TrainIndices = trainIndices.ToArray();
        Supplement = supplement;
        TargetImagesPerStep = targetImagesPerStep;
        AugmentationRatio = augmentationRatio;
        Augmenter = augmenter;
        Seed = seed;
        PhaseTag = phaseTag;
        StepsPerEpoch = (int)((augmentationRatio * (long)TrainIndices.Count + targetImagesPerStep - 1) / targetImagesPerStep);
    }

    public FaceDataset Target { get; }

    public IReadOnlyList<int> TrainIndices { get; }

    public FaceDataset? Supplement { get; }

    /// <summary>Images of A per full step.</summary>
    public int TargetImagesPerStep { get; }

    public int AugmentationRatio { get; }

    /// <summary>Augmentation of every view, or null for un-augmented views.</summary>
    public ImageAugmenter? Augmenter { get; }

    public int Seed { get; }

    /// <summary>Separates the random streams of different phases of one run.</summary>
    public int PhaseTag { get; }

    public int StepsPerEpoch { get; }

    public abstract int ViewsPerImage { get; }

    public abstract TrainingBatch Build(int epoch, int step, Device device);

    /// <summary>The indices into A of the target images of step <paramref name="step"/> of epoch <paramref name="epoch"/>.</summary>
    protected ReadOnlySpan<int> TargetImages(int epoch, int step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        if (step < 0 || step >= StepsPerEpoch)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"An epoch has steps 0 to {StepsPerEpoch - 1}.");
        }

        if (epoch != cachedEpoch)
        {
            var random = BatchStreams.Order(Seed, PhaseTag, epoch);
            cachedOrder = EpochOrder.Build(TrainIndices, AugmentationRatio, TargetImagesPerStep, random);
            cachedEpoch = epoch;
        }

        var start = step * TargetImagesPerStep;
        var count = Math.Min(TargetImagesPerStep, cachedOrder.Length - start);
        return cachedOrder.AsSpan(start, count);
    }

    /// <summary>
    /// Lists the A images of a step, then B images drawn without repetition from
    /// <paramref name="supplementPool"/>: <paramref name="supplementImagesPerStep"/> of them, but never more
    /// than there are A images, so the B part matches the A part in a short last step too.
    /// </summary>
    protected List<ViewSource> TargetThenSupplement(int epoch, int step, int[] supplementPool, int supplementImagesPerStep)
    {
        var targets = TargetImages(epoch, step);
        var images = new List<ViewSource>(targets.Length + supplementImagesPerStep);
        foreach (var index in targets)
        {
            images.Add(new ViewSource(FaceSet.Target, index));
        }

        var supplementCount = Math.Min(supplementImagesPerStep, targets.Length);
        var random = BatchStreams.Supplement(Seed, PhaseTag, epoch, step);
        foreach (var index in IndexSampling.DrawDistinct(supplementPool, supplementCount, random))
        {
            images.Add(new ViewSource(FaceSet.Supplement, index));
        }
        return images;
    }

    /// <summary>The image that <paramref name="source"/> points at.</summary>
    protected ReadOnlySpan<byte> Pixels(ViewSource source) => source.Set switch
    {
        FaceSet.Target => Target.Image(source.Index),
        FaceSet.Supplement => (Supplement ?? throw new InvalidOperationException("This builder has no data set B."))
            .Image(source.Index),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown data set."),
    };

    protected Emotion Label(ViewSource source) => source.Set == FaceSet.Target
        ? Target.Labels[source.Index]
        : Supplement!.Labels[source.Index];

    /// <summary>
    /// Renders every view into one float array, augmented with the stream of its row, normalised,
    /// and makes the batch tensor [views, 1, size, size] from it in one copy.
    /// </summary>
    protected TrainingBatch Render(ViewSource[] sources, int viewsPerImage, Emotion[] labels, int epoch, int step, Device device)
    {
        var pixelsPerImage = Target.PixelsPerImage;
        var pixels = new float[sources.Length * pixelsPerImage];
        for (var slot = 0; slot < sources.Length; slot++)
        {
            var output = pixels.AsSpan(slot * pixelsPerImage, pixelsPerImage);
            var image = Pixels(sources[slot]);
            if (Augmenter is null)
            {
                ImageAugmenter.ToUnitRange(image, output);
            }
            else
            {
                Augmenter.Augment(image, output, BatchStreams.Augmentation(Seed, PhaseTag, epoch, step, slot));
            }

            PixelNormalization.Normalize(output);
        }

        long[] shape = [sources.Length, 1, Target.ImageSize, Target.ImageSize];
        var tensor = torch.tensor(pixels, shape, device: device);
        return new TrainingBatch(tensor, viewsPerImage, labels, sources);
    }

    /// <summary>Lays out each image's views view-major: view 0 of every image, then view 1, ...</summary>
    protected static ViewSource[] ViewMajor(IReadOnlyList<ViewSource> images, int viewsPerImage)
    {
        var sources = new ViewSource[images.Count * viewsPerImage];
        for (var view = 0; view < viewsPerImage; view++)
        {
            for (var image = 0; image < images.Count; image++)
            {
                sources[view * images.Count + image] = images[image];
            }
        }

        return sources;
    }

    /// <summary>Returns half of a contrastive batch size: the number of images with two views each.</summary>
    protected static int ImagesPerContrastiveBatch(int batchSize)
    {
        if (batchSize < 2 || batchSize % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(batchSize), batchSize, "A contrastive batch size counts views, two per image, so it must be even and >= 2.");
        }

        return batchSize / 2;
    }

    private static void CheckTrainIndices(FaceDataset target, IReadOnlyList<int> trainIndices, int perStep)
    {
        var seen = new HashSet<int>();
        foreach (var index in trainIndices)
        {
            if (index < 0 || index >= target.Count)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(trainIndices), index, $"A training index must lie in [0, {target.Count}) for data set '{target.Name}'.");
            }

            if (!seen.Add(index))
            {
                throw new ArgumentException($"Training index {index} occurs twice.", nameof(trainIndices));
            }
        }

        if (trainIndices.Count < perStep)
        {
            throw new ArgumentException(
                $"The training part of '{target.Name}' has {trainIndices.Count} images, fewer than the {perStep} "
                + "distinct images of A that one batch needs; use a smaller batch size or a larger training split.",
                nameof(trainIndices));
        }
    }
}
