using FerOrleans.Contracts.Sweeps;
using FerOrleans.Grains.Sweeps;
using FerOrleans.Grains.Training;
using FerOrleans.Contracts.Runs;
using FerOrleans.Learning.Training;

namespace FerOrleans.Grains.Tests;

public sealed class MixedPrecisionSpecTests
{
    private static readonly SweepSpec Spec = new()
    {
        Name = "s", DatasetA = "a", Approaches = ["SC(c)"], TrainFractions = [0.5], AugmentationRatios = [1],
    };

    [Fact]
    public void Problems_UnknownMixedPrecision_NamesFieldAndAllowedValues()
    {
        var spec = Spec with { Training = new TrainingSpec { MixedPrecision = "half" } };

        var problem = Assert.Single(SweepSpecValidator.Problems(spec));

        Assert.Contains("training.mixedPrecision: 'half'", problem);
        Assert.Contains("none, bf16, fp16", problem);
    }

    [Theory]
    [InlineData("none", MixedPrecision.None)]
    [InlineData("bf16", MixedPrecision.BFloat16)]
    [InlineData("fp16", MixedPrecision.Float16)]
    public void ToRunConfig_MixedPrecision_ReachesTrainingOptions(string name, MixedPrecision expected)
    {
        var spec = Spec with { Training = new TrainingSpec { MixedPrecision = name } };
        var run = new RunDefinition
        {
            RunId = "s/0", SweepName = "s", Approach = "SC(c)", TrainFraction = 0.5, AugmentationRatio = 1,
            Repetition = 0, Seed = 1, Spec = spec,
        };

        Assert.Empty(SweepSpecValidator.Problems(spec));
        Assert.Equal(expected, run.ToRunConfig().Training.MixedPrecision);
    }
}
