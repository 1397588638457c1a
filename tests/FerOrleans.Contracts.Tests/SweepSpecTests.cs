using FerOrleans.Contracts.Datasets;
using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;

namespace FerOrleans.Contracts.Tests;

public sealed class SweepSpecTests
{
    [Fact]
    public void Defaults_AreThoseOfTheMethod()
    {
        var spec = new SweepSpec { Name = "s", DatasetA = "a", Approaches = ["SC(c)"], TrainFractions = [0.5], AugmentationRatios = [1] };

        Assert.Equal(10, spec.Repetitions);
        Assert.Equal("cifar", spec.Network.Stem);
        Assert.Equal(64, spec.Network.Width);
        Assert.Equal(512, spec.Network.ProjectionHidden);
        Assert.Equal(128, spec.Network.EmbeddingSize);
        Assert.Equal(250, spec.Training.Epochs);
        Assert.Equal(50, spec.Training.ProbeEpochs);
        Assert.Equal(32, spec.Training.BatchSize);
        Assert.Equal(0.05, spec.Training.LearningRate);
        Assert.Equal(1e-4, spec.Training.ProbeLearningRate);
        Assert.Equal(0.9, spec.Training.Momentum);
        Assert.Equal(1e-4, spec.Training.WeightDecay);
        Assert.Equal(0.07, spec.Training.SupConTemperature);
        Assert.Equal(0.2, spec.Augmentation.CropScaleMin);
        Assert.Equal(0.5, spec.Augmentation.FlipProbability);
        Assert.Equal(0.8, spec.Augmentation.JitterProbability);
        Assert.Equal(0.4, spec.Augmentation.Brightness);
        Assert.Equal(0.4, spec.Augmentation.Contrast);
        Assert.Equal("mlp", spec.Network.ProjectionHead);
        Assert.Equal("sgd", spec.Training.Optimizer);
        Assert.Equal("step", spec.Training.Schedule);
        Assert.Equal(0, spec.Training.WarmupEpochs);
        Assert.Equal([0.3, 0.2, 0.1], spec.Training.DecayFractions);
        Assert.Equal(0.1, spec.Training.DecayRate);
        Assert.Equal(0.5, spec.Training.SimClrTemperature);
        Assert.Null(spec.Training.BaseTemperature);
        Assert.True(spec.Training.ProbeAugmentation);
        Assert.Null(spec.SubjectDisjoint);
    }

    [Fact]
    public void ShardKey_CombinesDatasetAndIndex()
    {
        Assert.Equal("cafe/3", IDatasetShardGrain.KeyOf("cafe", 3));
    }

    [Fact]
    public void SweepStatus_Finished_OnlyWhenEveryRunCompletedOrFailed()
    {
        var spec = new SweepSpec { Name = "s", DatasetA = "a", Approaches = ["SL(c)"], TrainFractions = [0.5], AugmentationRatios = [1] };
        RunStatus Run(RunState state, int k) => new()
        {
            Definition = new RunDefinition
            {
                RunId = $"s/{k}", SweepName = "s", Approach = "SL(c)", TrainFraction = 0.5,
                AugmentationRatio = 1, Repetition = k, Seed = k, Spec = spec,
            },
            State = state,
        };

        var running = new SweepStatus { Spec = spec, Runs = [Run(RunState.Completed, 0), Run(RunState.Running, 1)] };
        var done = new SweepStatus { Spec = spec, Runs = [Run(RunState.Completed, 0), Run(RunState.Failed, 1)] };

        Assert.False(running.IsFinished);
        Assert.True(done.IsFinished);
        Assert.Equal(1, done.Count(RunState.Failed));
    }
}
