using FerOrleans.Contracts.Datasets;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Grains.Sweeps;

namespace FerOrleans.Grains.Tests;

public sealed class SweepDatasetValidatorTests
{
    private static readonly DatasetDescriptor Children = Descriptor("cafe",
        ("angry", 20), ("disgust", 20), ("fear", 20), ("happy", 20), ("neutral", 20), ("sad", 20), ("surprise", 20));

    private static readonly DatasetDescriptor AdultsWithoutTwo = Descriptor("adults",
        ("angry", 50), ("happy", 50), ("neutral", 50), ("sad", 50), ("surprise", 50));

    private static SweepSpec Spec(params string[] approaches) => new()
    {
        Name = "check",
        DatasetA = "cafe",
        DatasetB = "adults",
        Approaches = approaches,
        TrainFractions = [0.5],
        AugmentationRatios = [1],
    };

    [Theory]
    [InlineData("SC(c<-a)")]
    [InlineData("SC(c+a)")]
    [InlineData("SL(c+a)")]
    [InlineData("UC(c+a)")]
    public void Problems_SupplementLacksLabels_NamesMissingLabels(string approach)
    {
        var problem = Assert.Single(SweepDatasetValidator.Problems(Spec(approach), Children, AdultsWithoutTwo));

        Assert.Contains("no images labelled disgust, fear", problem);
        Assert.Contains(approach, problem);
    }

    [Fact]
    public void Problems_SupplementCoversLabels_None()
    {
        var adults = Descriptor("adults", Children.CountsPerLabel.Select(p => (p.Key, 30)).ToArray());

        Assert.Empty(SweepDatasetValidator.Problems(Spec("SC(c<-a)", "SL(c)"), Children, adults));
    }

    [Fact]
    public void Problems_FractionRoundsToZero_NamesSmallestClass()
    {
        var tiny = Descriptor("cafe", ("happy", 1), ("sad", 9));

        var problems = SweepDatasetValidator.Problems(Spec("SL(c)") with { TrainFractions = [0.4] }, tiny, b: null);

        Assert.Contains(problems, p => p.Contains("0.4 x 1 images of the smallest class 'happy'"));
    }

    [Fact]
    public void Problems_TrainingPartSmallerThanBatch_NamesBatchSize()
    {
        // 0.5 x 20 = 10 per class, 70 training images; b = 80 needs 80 distinct images in SL(c) batches.
        var spec = Spec("SL(c)") with { Training = new TrainingSpec { BatchSize = 80 } };

        var problem = Assert.Single(SweepDatasetValidator.Problems(spec, Children, b: null));

        Assert.Contains("training.batchSize: 80 needs 80 distinct training images", problem);
        Assert.Contains("has 70 (10 per class)", problem);
    }

    [Fact]
    public void Problems_MixedSupervisedBatch_NeedsHalfFromA()
    {
        var adults = Descriptor("adults", Children.CountsPerLabel.Select(p => (p.Key, 30)).ToArray());
        var spec = Spec("SL(c+a)") with { Training = new TrainingSpec { BatchSize = 80 } };

        Assert.Empty(SweepDatasetValidator.Problems(spec, Children, adults));
    }

    private static DatasetDescriptor Descriptor(string name, params (string Label, int Count)[] counts) => new()
    {
        Name = name,
        Count = counts.Sum(c => c.Count),
        CountsPerLabel = counts.ToDictionary(c => c.Label, c => c.Count),
        Sha256 = "0",
        ShardCount = 1,
        ManifestJson = "{}",
    };
}
