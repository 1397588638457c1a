using FerOrleans.Learning.Augmentation;
using FerOrleans.Learning.Data;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Batches;

/// <summary>
/// Contrastive batches of the (c&lt;-a) variant, "children augmented by adults": b/2 distinct
/// images of the training part of A; view 1 is an augmentation of the image itself, view 2 an
/// augmentation of a random image of B with the same label.
/// </summary>
/// <remarks>
/// Partners are distinct within a batch while B has enough images of the label; beyond that,
/// a partner may repeat.
/// </remarks>
public sealed class AdultPairBatchBuilder : BatchBuilder
{
    private const int Views = 2;

    private readonly IReadOnlyDictionary<Emotion, int[]> supplementByLabel;

    public AdultPairBatchBuilder(
        FaceDataset target,
        IReadOnlyList<int> trainIndices,
        FaceDataset supplement,
        int batchSize,
        int augmentationRatio,
        ImageAugmenter augmenter,
        int seed,
        int phaseTag = 0)
        : base(
            target,
            trainIndices,
            supplement ?? throw new ArgumentNullException(nameof(supplement)),
            ImagesPerContrastiveBatch(batchSize),
            augmentationRatio,
            augmenter ?? throw new ArgumentNullException(nameof(augmenter)),
            seed,
            phaseTag)
    {
        supplementByLabel = Enumerable.Range(0, supplement.Count)
            .GroupBy(i => supplement.Labels[i])
            .ToDictionary(g => g.Key, g => g.ToArray());

        foreach (var label in trainIndices.Select(i => target.Labels[i]).Distinct().Order())
        {
            if (!supplementByLabel.ContainsKey(label))
            {
                throw new ArgumentException(
                    $"Data set B ('{supplement.Name}') has no image labelled {label}, which (c<-a) needs as the "
                    + $"second view of the training images of '{target.Name}' with that label.",
                    nameof(supplement));
            }
        }
    }

    public override int ViewsPerImage => Views;

    public override TrainingBatch Build(int epoch, int step, Device device)
    {
        var targets = TargetImages(epoch, step).ToArray();
        var labels = targets.Select(i => Target.Labels[i]).ToArray();
        var partners = DrawPartners(labels, BatchStreams.Supplement(Seed, PhaseTag, epoch, step));

        var sources = new ViewSource[targets.Length * Views];
        for (var i = 0; i < targets.Length; i++)
        {
            sources[i] = new ViewSource(FaceSet.Target, targets[i]);
            sources[targets.Length + i] = new ViewSource(FaceSet.Supplement, partners[i]);
        }

        return Render(sources, Views, labels, epoch, step, device);
    }

    /// <summary>Draws one image of B per label, in order, distinct per label where B has enough.</summary>
    private int[] DrawPartners(Emotion[] labels, RandomStream random)
    {
        var partners = new int[labels.Length];
        foreach (var label in labels.Distinct().Order())
        {
            var slots = Enumerable.Range(0, labels.Length).Where(i => labels[i] == label).ToArray();
            var pool = supplementByLabel[label];
            var distinct = IndexSampling.DrawDistinct(pool, Math.Min(slots.Length, pool.Length), random);
            for (var k = 0; k < slots.Length; k++)
            {
                partners[slots[k]] = k < distinct.Length ? distinct[k] : pool[random.NextInt32(pool.Length)];
            }
        }

        return partners;
    }
}
