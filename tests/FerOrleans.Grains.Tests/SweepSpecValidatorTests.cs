using FerOrleans.Contracts.Sweeps;
using FerOrleans.Grains.Sweeps;

namespace FerOrleans.Grains.Tests;

public sealed class SweepSpecValidatorTests
{
    private static readonly SweepSpec Valid = new()
    {
        Name = "protocol",
        DatasetA = "cafe",
        DatasetB = "fer2013",
        Approaches = ["SC(c<-a)"],
        TrainFractions = [0.5],
        AugmentationRatios = [1],
    };

    [Fact]
    public void Problems_Defaults_None()
    {
        Assert.Empty(SweepSpecValidator.Problems(Valid));
    }

    [Theory]
    [InlineData("projectionHead", "network.projectionHead: 'conv' is not allowed; allowed: mlp, linear.")]
    [InlineData("projectionHidden", "network.projectionHidden: 0 must be at least 1")]
    [InlineData("embeddingSize", "network.embeddingSize: 0 must be at least 1")]
    [InlineData("stem", "network.stem: 'resnet' is not allowed; allowed: cifar, imagenet.")]
    [InlineData("optimizer", "training.optimizer: 'adam' is not allowed; allowed: sgd.")]
    [InlineData("schedule", "training.schedule: 'linear' is not allowed; allowed: step, cosine.")]
    [InlineData("warmupEpochs", "training.warmupEpochs: 250 must be from 0 to training.epochs - 1 (249).")]
    [InlineData("decayRate", "training.decayRate: 0 must be in (0, 1]")]
    [InlineData("decayFractions", "training.decayFractions[1]: 1.5 must be in [0, 1]")]
    [InlineData("weightDecay", "training.weightDecay: -1 must be a number >= 0")]
    [InlineData("learningRate", "training.learningRate: NaN must be a number > 0")]
    [InlineData("probeLearningRate", "training.probeLearningRate: 0 must be a number > 0")]
    [InlineData("momentum", "training.momentum: 1 must be in [0, 1)")]
    [InlineData("supConTemperature", "training.supConTemperature: 0 must be a number > 0")]
    [InlineData("simClrTemperature", "training.simClrTemperature: -0.5 must be a number > 0")]
    [InlineData("baseTemperature", "training.baseTemperature: 0 must be a number > 0")]
    [InlineData("probeEpochs", "training.probeEpochs: 0 must be at least 1")]
    [InlineData("flipProbability", "augmentation.flipProbability: 1.5 must be in [0, 1]")]
    [InlineData("jitterProbability", "augmentation.jitterProbability: -0.1 must be in [0, 1]")]
    [InlineData("brightness", "augmentation.brightness: 2 must be in [0, 1]")]
    [InlineData("contrast", "augmentation.contrast: NaN must be in [0, 1]")]
    [InlineData("cropScale", "augmentation.cropScaleMin (0.9) and cropScaleMax (0.5) must satisfy 0 < min <= max <= 1")]
    public void Problems_InvalidField_NamesFieldAndAllowedValues(string field, string expected)
    {
        var problems = SweepSpecValidator.Problems(WithInvalid(field));

        var problem = Assert.Single(problems);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void ThrowIfInvalid_TwoProblems_ListsBoth()
    {
        var spec = Valid with { Training = Valid.Training with { Schedule = "exp", Optimizer = "rmsprop" } };

        var error = Assert.Throws<ArgumentException>(() => SweepSpecValidator.ThrowIfInvalid(spec));

        Assert.Contains("Invalid sweep spec 'protocol'", error.Message);
        Assert.Contains("training.schedule: 'exp'", error.Message);
        Assert.Contains("training.optimizer: 'rmsprop'", error.Message);
    }

    private static SweepSpec WithInvalid(string field)
    {
        var network = Valid.Network;
        var training = Valid.Training;
        var augmentation = Valid.Augmentation;
        return field switch
        {
            "projectionHead" => Valid with { Network = network with { ProjectionHead = "conv" } },
            "projectionHidden" => Valid with { Network = network with { ProjectionHidden = 0 } },
            "embeddingSize" => Valid with { Network = network with { EmbeddingSize = 0 } },
            "stem" => Valid with { Network = network with { Stem = "resnet" } },
            "optimizer" => Valid with { Training = training with { Optimizer = "adam" } },
            "schedule" => Valid with { Training = training with { Schedule = "linear" } },
            "warmupEpochs" => Valid with { Training = training with { WarmupEpochs = 250 } },
            "decayRate" => Valid with { Training = training with { DecayRate = 0 } },
            "decayFractions" => Valid with { Training = training with { DecayFractions = [0.3, 1.5] } },
            "weightDecay" => Valid with { Training = training with { WeightDecay = -1 } },
            "learningRate" => Valid with { Training = training with { LearningRate = double.NaN } },
            "probeLearningRate" => Valid with { Training = training with { ProbeLearningRate = 0 } },
            "momentum" => Valid with { Training = training with { Momentum = 1 } },
            "supConTemperature" => Valid with { Training = training with { SupConTemperature = 0 } },
            "simClrTemperature" => Valid with { Training = training with { SimClrTemperature = -0.5 } },
            "baseTemperature" => Valid with { Training = training with { BaseTemperature = 0 } },
            "probeEpochs" => Valid with { Training = training with { ProbeEpochs = 0 } },
            "flipProbability" => Valid with { Augmentation = augmentation with { FlipProbability = 1.5 } },
            "jitterProbability" => Valid with { Augmentation = augmentation with { JitterProbability = -0.1 } },
            "brightness" => Valid with { Augmentation = augmentation with { Brightness = 2 } },
            "contrast" => Valid with { Augmentation = augmentation with { Contrast = double.NaN } },
            "cropScale" => Valid with { Augmentation = augmentation with { CropScaleMin = 0.9, CropScaleMax = 0.5 } },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No such case."),
        };
    }
}
