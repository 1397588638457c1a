using FerOrleans.Learning.Augmentation;
using FerOrleans.Learning.Batches;
using FerOrleans.Learning.Data;
using FerOrleans.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Tests;

public sealed class BatchBuilderTests
{
    private const int BatchSize = 32;
    private const int Seed = 17;

    private static readonly FaceDataset Children = StripePatterns.Create("children", perClass: 10, seed: 1);
    private static readonly FaceDataset Adults = StripePatterns.Create("adults", perClass: 12, seed: 2);
    private static readonly ImageAugmenter Augmenter = new(new AugmentationOptions(), StripePatterns.Size);

    // 5 training images per class: 35 images.
    private static readonly int[] Train = StripePatterns.Split(Children, train: 5).Train;

    public BatchBuilderTests() => TorchSetup.UseOneThread();

    [Fact]
    public void TwoView_Batch_HasTwoDistinctViews()
    {
        var builder = new TwoViewBatchBuilder(Children, Train, null, BatchSize, 1, Augmenter, Seed);
        using var batch = builder.Build(0, 0, torch.CPU);

        Assert.Equal(new long[] { BatchSize, 1, 48, 48 }, batch.Images.shape);
        Assert.Equal(BatchSize / 2, batch.ImageCount);
        Assert.Equal(BatchSize / 2, batch.Sources.Take(BatchSize / 2).Distinct().Count());
        for (var image = 0; image < batch.ImageCount; image++)
        {
            var first = batch.Source(image, 0);
            Assert.Equal(FaceSet.Target, first.Set);
            Assert.Contains(first.Index, Train);
            Assert.Equal(first, batch.Source(image, 1));
            Assert.Equal(Children.Labels[first.Index], batch.Labels[image]);
            Assert.False(
                Same(batch.Images[image], batch.Images[batch.ImageCount + image]),
                $"the two views of image {image} are identical");
        }
    }

    [Fact]
    public void TwoView_IdenticalImages_GetDifferentCrops()
    {
        var copies = Enumerable.Repeat(Children.Image(0).ToArray(), 20).SelectMany(p => p).ToArray();
        var same = new FaceDataset(
            "same", 48, copies, Enumerable.Repeat(Emotion.Angry, 20).ToArray(),
            Enumerable.Range(0, 20).Select(i => $"s{i}").ToArray(), Enumerable.Range(0, 20).Select(i => $"i{i}").ToArray());
        var builder = new TwoViewBatchBuilder(same, Enumerable.Range(0, 20).ToArray(), null, BatchSize, 1, Augmenter, Seed);

        using var batch = builder.Build(0, 0, torch.CPU);

        for (var i = 0; i < batch.ViewCount; i++)
        {
            for (var j = i + 1; j < batch.ViewCount; j++)
            {
                Assert.False(Same(batch.Images[i], batch.Images[j]), $"views {i} and {j} are identical");
            }
        }
    }

    [Fact]
    public void TwoView_SameSeed_SameBatch()
    {
        var first = new TwoViewBatchBuilder(Children, Train, Adults, BatchSize, 2, Augmenter, Seed);
        var second = new TwoViewBatchBuilder(Children, Train, Adults, BatchSize, 2, Augmenter, Seed);

        using var a = first.Build(1, 3, torch.CPU);
        using var b = second.Build(1, 3, torch.CPU);

        Assert.Equal(a.Sources, b.Sources);
        Assert.True(Same(a.Images, b.Images));
    }

    [Fact]
    public void TwoView_OtherSeed_OtherBatch()
    {
        using var a = new TwoViewBatchBuilder(Children, Train, null, BatchSize, 1, Augmenter, Seed).Build(0, 0, torch.CPU);
        using var b = new TwoViewBatchBuilder(Children, Train, null, BatchSize, 1, Augmenter, Seed + 1).Build(0, 0, torch.CPU);

        Assert.NotEqual(a.Sources, b.Sources);
    }

    [Fact]
    public void TwoView_RebuiltBatch_IsIdentical()
    {
        var builder = new TwoViewBatchBuilder(Children, Train, Adults, BatchSize, 2, Augmenter, Seed);
        using var inOrder = builder.Build(0, 2, torch.CPU);
        using var other = builder.Build(1, 0, torch.CPU);

        using var again = builder.Build(0, 2, torch.CPU);

        Assert.Equal(inOrder.Sources, again.Sources);
        Assert.True(Same(inOrder.Images, again.Images));
    }

    [Fact]
    public void TwoView_WithAdults_TakesHalfFromEach()
    {
        var builder = new TwoViewBatchBuilder(Children, Train, Adults, BatchSize, 1, Augmenter, Seed);
        using var batch = builder.Build(0, 0, torch.CPU);

        var images = Enumerable.Range(0, batch.ImageCount).Select(i => batch.Source(i, 0)).ToArray();
        Assert.Equal(BatchSize / 4, images.Count(s => s.Set == FaceSet.Target));
        Assert.Equal(BatchSize / 4, images.Count(s => s.Set == FaceSet.Supplement));
        Assert.Equal(images.Length, images.Distinct().Count());
        for (var i = 0; i < batch.ImageCount; i++)
        {
            Assert.Equal(images[i], batch.Source(i, 1));
            var dataset = images[i].Set == FaceSet.Target ? Children : Adults;
            Assert.Equal(dataset.Labels[images[i].Index], batch.Labels[i]);
        }
    }

    [Fact]
    public void TwoView_Epoch_CoversRatioCopies()
    {
        const int ratio = 3;
        var children = new TwoViewBatchBuilder(Children, Train, null, BatchSize, ratio, Augmenter, Seed);
        var mixed = new TwoViewBatchBuilder(Children, Train, Adults, BatchSize, ratio, Augmenter, Seed);

        // ceil(3 x 35 / 16) = 7; with B, 8 images of A per step: ceil(105 / 8) = 14.
        Assert.Equal(7, children.StepsPerEpoch);
        Assert.Equal(14, mixed.StepsPerEpoch);
        foreach (var builder in new[] { children, mixed })
        {
            var seen = new Dictionary<int, int>();
            for (var step = 0; step < builder.StepsPerEpoch; step++)
            {
                using var batch = builder.Build(0, step, torch.CPU);
                foreach (var source in batch.Sources.Take(batch.ImageCount).Where(s => s.Set == FaceSet.Target))
                {
                    seen[source.Index] = seen.GetValueOrDefault(source.Index) + 1;
                }
            }

            Assert.Equal(Train.Order(), seen.Keys.Order());
            Assert.All(seen.Values, count => Assert.Equal(ratio, count));
        }
    }

    [Fact]
    public void TwoView_LastStep_IsShorter()
    {
        var builder = new TwoViewBatchBuilder(Children, Train, null, BatchSize, 1, Augmenter, Seed);

        using var last = builder.Build(0, builder.StepsPerEpoch - 1, torch.CPU);

        // 35 images, 16 per step: steps of 16, 16 and 3.
        Assert.Equal(3, last.ImageCount);
        Assert.Equal(6, last.Images.shape[0]);
    }

    [Fact]
    public void TwoView_StepOutOfRange_Throws()
    {
        var builder = new TwoViewBatchBuilder(Children, Train, null, BatchSize, 1, Augmenter, Seed);

        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Build(0, builder.StepsPerEpoch, torch.CPU));
    }

    [Fact]
    public void TwoView_OddBatchSize_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new TwoViewBatchBuilder(Children, Train, null, 31, 1, Augmenter, Seed));
    }

    [Fact]
    public void TwoView_TooFewTrainingImages_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new TwoViewBatchBuilder(Children, Train.Take(10).ToArray(), null, BatchSize, 1, Augmenter, Seed));

        Assert.Contains("16 distinct images", error.Message);
    }

    [Fact]
    public void AdultPair_Batch_PairsSameLabels()
    {
        var builder = new AdultPairBatchBuilder(Children, Train, Adults, BatchSize, 1, Augmenter, Seed);
        using var batch = builder.Build(0, 0, torch.CPU);

        Assert.Equal(new long[] { BatchSize, 1, 48, 48 }, batch.Images.shape);
        var children = Enumerable.Range(0, batch.ImageCount).Select(i => batch.Source(i, 0)).ToArray();
        var adults = Enumerable.Range(0, batch.ImageCount).Select(i => batch.Source(i, 1)).ToArray();
        Assert.Equal(BatchSize / 2, children.Distinct().Count());
        Assert.All(children, s => Assert.Equal(FaceSet.Target, s.Set));
        Assert.All(adults, s => Assert.Equal(FaceSet.Supplement, s.Set));
        for (var i = 0; i < batch.ImageCount; i++)
        {
            Assert.Equal(Children.Labels[children[i].Index], Adults.Labels[adults[i].Index]);
            Assert.Equal(Children.Labels[children[i].Index], batch.Labels[i]);
        }

        // B has 12 images per label, more than any label needs here, so no adult repeats.
        Assert.Equal(BatchSize / 2, adults.Distinct().Count());
    }

    [Fact]
    public void AdultPair_SameSeed_SameBatch()
    {
        using var a = new AdultPairBatchBuilder(Children, Train, Adults, BatchSize, 2, Augmenter, Seed).Build(1, 1, torch.CPU);
        using var b = new AdultPairBatchBuilder(Children, Train, Adults, BatchSize, 2, Augmenter, Seed).Build(1, 1, torch.CPU);

        Assert.Equal(a.Sources, b.Sources);
        Assert.True(Same(a.Images, b.Images));
    }

    [Fact]
    public void AdultPair_SupplementLacksLabel_ThrowsNamingLabel()
    {
        var withoutFear = StripePatterns.Create(
            "adults-no-fear", perClass: 4, seed: 3, Enum.GetValues<Emotion>().Where(e => e != Emotion.Fear).ToArray());

        var error = Assert.Throws<ArgumentException>(() =>
            new AdultPairBatchBuilder(Children, Train, withoutFear, BatchSize, 1, Augmenter, Seed));

        Assert.Contains(nameof(Emotion.Fear), error.Message);
    }

    [Fact]
    public void AdultPair_StepsPerEpoch_FollowFormula()
    {
        var builder = new AdultPairBatchBuilder(Children, Train, Adults, BatchSize, 5, Augmenter, Seed);

        Assert.Equal((int)Math.Ceiling(5 * 35 / 16.0), builder.StepsPerEpoch);
    }

    [Fact]
    public void Supervised_Batch_HoldsOneViewPerImage()
    {
        var classes = Children.DistinctLabels();
        var builder = new SupervisedBatchBuilder(Children, Train, null, classes, BatchSize, 2, Augmenter, Seed);

        using var batch = builder.Build(0, 0, torch.CPU);

        Assert.Equal(new long[] { BatchSize, 1, 48, 48 }, batch.Images.shape);
        Assert.Equal(1, batch.ViewsPerImage);
        Assert.Equal(BatchSize, batch.Sources.Distinct().Count());
        Assert.Equal((int)Math.Ceiling(2 * 35 / 32.0), builder.StepsPerEpoch);
    }

    [Fact]
    public void Supervised_WithAdults_DrawsOnlyLabelsOfA()
    {
        var someLabels = new[] { Emotion.Happy, Emotion.Sad, Emotion.Neutral };
        var children = StripePatterns.Create("few-children", perClass: 12, seed: 4, someLabels);
        var train = Enumerable.Range(0, children.Count).ToArray();
        var builder = new SupervisedBatchBuilder(children, train, Adults, someLabels, 16, 1, Augmenter, Seed);

        for (var step = 0; step < builder.StepsPerEpoch; step++)
        {
            using var batch = builder.Build(0, step, torch.CPU);
            var fromAdults = batch.Sources.Where(s => s.Set == FaceSet.Supplement).ToArray();

            Assert.Equal(batch.Sources.Count(s => s.Set == FaceSet.Target), fromAdults.Length);
            Assert.All(fromAdults, s => Assert.Contains(Adults.Labels[s.Index], someLabels));
        }
    }

    [Fact]
    public void Supervised_WithoutAugmenter_RendersNormalisedOriginals()
    {
        var builder = new SupervisedBatchBuilder(Children, Train, null, Children.DistinctLabels(), BatchSize, 1, null, Seed);
        using var batch = builder.Build(0, 0, torch.CPU);
        var index = batch.Sources[0].Index;

        using var expected = ImageTensors.FromImages(Children, [index], torch.CPU);

        Assert.True(batch.Images[0].allclose(expected[0]));
        Assert.InRange(batch.Images.min().item<float>(), -1f, 1f);
        Assert.InRange(batch.Images.max().item<float>(), -1f, 1f);
    }

    private static bool Same(Tensor first, Tensor second) => first.eq(second).all().item<bool>();

    [Fact]
    public void Builder_DuplicateTrainingIndex_Throws()
    {
        var train = Train.Append(Train[0]).ToArray();

        Assert.Throws<ArgumentException>(() => new TwoViewBatchBuilder(Children, train, null, BatchSize, 1, Augmenter, Seed));
    }
}
