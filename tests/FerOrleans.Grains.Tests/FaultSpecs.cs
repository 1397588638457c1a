using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;

namespace FerOrleans.Grains.Tests;

/// <summary>The one-run sweep the fault tests interrupt, and the values they compare.</summary>
public static class FaultSpecs
{
    public const string DatasetA = "fault-child";
    public const string DatasetB = "fault-adult";
    public const int ImagesPerClass = 8;

    /// <summary>Epochs of the run; one checkpoint each, so there are several to interrupt between.</summary>
    public const int Epochs = 8;

    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>One SL(c) run; every sweep of this shape trains the same network on the same split.</summary>
    public static SweepSpec OneRun(string name, int maxAttempts = 3) => new()
    {
        Name = name,
        DatasetA = DatasetA,
        DatasetB = DatasetB,
        Approaches = ["SL(c)"],
        TrainFractions = [0.5],
        AugmentationRatios = [3],
        Repetitions = 1,
        MaxAttempts = maxAttempts,
        Network = new NetworkSpec { Stem = "imagenet", Width = 8, ProjectionHidden = 16, EmbeddingSize = 8 },
        Training = new TrainingSpec { Epochs = Epochs, ProbeEpochs = 1, BatchSize = 16 },
    };

    /// <summary>The id of the run of <see cref="OneRun"/>.</summary>
    public static string RunId(string sweep) => $"{sweep}/sl-c-s50-r3-k0";

    /// <summary>Asserts that two results of one definition are identical: accuracies, confusion, epochs, steps.</summary>
    public static void AssertSameResult(RunResult expected, RunResult actual)
    {
        Assert.Equal(expected.ValidationAccuracy, actual.ValidationAccuracy);
        Assert.Equal(expected.TestAccuracy, actual.TestAccuracy);
        Assert.Equal(expected.BestEpoch, actual.BestEpoch);
        Assert.Equal(expected.Steps, actual.Steps);
        Assert.Equal(expected.TestConfusion.Select(r => r.ToArray()), actual.TestConfusion.Select(r => r.ToArray()));
        Assert.Equal(expected.Split.Test, actual.Split.Test);
    }
}
