using FerOrleans.Contracts.Sweeps;
using FerOrleans.Grains.Sweeps;
using FerOrleans.Grains.Training;
using FerOrleans.Learning.Training;

namespace FerOrleans.Grains.Tests;

public sealed class RunConfigMappingTests
{
    [Fact]
    public void ToRunConfig_NonDefaultFields_ReachRunConfig()
    {
        var spec = new SweepSpec
        {
            Name = "mapped",
            DatasetA = "cafe",
            Approaches = ["UC(c)"],
            TrainFractions = [0.7],
            AugmentationRatios = [5],
            Seed = 40,
            Network = new NetworkSpec { Stem = "imagenet", Width = 8, ProjectionHead = "linear", EmbeddingSize = 16 },
            Training = new TrainingSpec
            {
                Schedule = "cosine",
                WarmupEpochs = 3,
                DecayFractions = [0.5],
                DecayRate = 0.2,
                WeightDecay = 5e-4,
                Momentum = 0.8,
                SimClrTemperature = 0.3,
                BaseTemperature = 0.1,
                ProbeAugmentation = false,
            },
            Augmentation = new AugmentationSpec { CropScaleMin = 0.8, FlipProbability = 0.1, Brightness = 0.2, Contrast = 0.3, JitterProbability = 0.6 },
        };
        var run = SweepExpansion.Expand(spec)[1];

        var config = run.ToRunConfig();

        Assert.Equal(ApproachKind.UC, config.Approach.Kind);
        Assert.Equal(0.7, config.TrainFraction);
        Assert.Equal(5, config.AugmentationRatio);
        Assert.Equal(41, config.Seed);
        Assert.Equal(new NetworkOptions(Stem.ImageNet, 8, 512, 16, ProjectionHeadKind.Linear), config.Network);
        Assert.Equal(ScheduleKind.Cosine, config.Training.Schedule);
        Assert.Equal(3, config.Training.WarmupEpochs);
        Assert.Equal([0.5], config.Training.DecayFractions!);
        Assert.Equal(0.2, config.Training.DecayRate);
        Assert.Equal(5e-4, config.Training.WeightDecay);
        Assert.Equal(0.8, config.Training.Momentum);
        Assert.Equal(0.3, config.Training.SimClrTemperature);
        Assert.Equal(0.1, config.Training.BaseTemperature);
        Assert.False(config.Training.ProbeAugmentation);
        Assert.Equal(OptimizerKind.Sgd, config.Training.Optimizer);
        Assert.Equal(new AugmentationOptions(0.8, 1.0, 0.1, 0.2, 0.3, 0.6), config.Augmentation);
    }

    [Fact]
    public void ToRunConfig_Defaults_AreTheStudySchedule()
    {
        var spec = new SweepSpec { Name = "d", DatasetA = "a", Approaches = ["SC(c)"], TrainFractions = [0.5], AugmentationRatios = [1] };

        var config = SweepExpansion.Expand(spec)[0].ToRunConfig();

        Assert.Equal(ScheduleKind.Step, config.Training.Schedule);
        Assert.Equal(0, config.Training.WarmupEpochs);
        Assert.Equal([175, 200, 225], config.Training.DecayEpochs(250));
        Assert.Equal([35, 40, 45], config.Training.DecayEpochs(50));
        Assert.Equal(ProjectionHeadKind.Mlp, config.Network.Head);
        Assert.Equal(0.05 * 0.001, LearningRateSchedule.At(config.Training, 0.05, 250, 0, 249), 1e-15);
    }

    [Fact]
    public void ToRunConfig_UnknownSchedule_NamesField()
    {
        var spec = new SweepSpec
        {
            Name = "bad", DatasetA = "a", Approaches = ["SC(c)"], TrainFractions = [0.5], AugmentationRatios = [1],
            Training = new TrainingSpec { Schedule = "poly" },
        };

        var error = Assert.Throws<ArgumentException>(() => SweepExpansion.Expand(spec)[0].ToRunConfig());

        Assert.Contains("training.schedule: 'poly'", error.Message);
    }
}
