using FerOrleans.Learning.Data;
using FerOrleans.Learning.Network;
using FerOrleans.Learning.Training;
using TorchSharp;

namespace FerOrleans.Learning.Tests;

/// <summary>Protocol settings that must reach training: the schedule, the head and the augmentation ratio.</summary>
public sealed class ProtocolRunnerTests
{
    public ProtocolRunnerTests() => TorchSetup.UseOneThread();

    [Fact]
    public void Run_CosineWithWarmup_EpochRatesFollowFormula()
    {
        var config = TinyRuns.Config("SC(c)", epochs: 3, probeEpochs: 2);
        var cosine = config with { Training = config.Training with { Schedule = ScheduleKind.Cosine, WarmupEpochs = 1 } };
        var cosineLog = new ProgressLog();
        var stepLog = new ProgressLog();

        TinyRuns.Runner(cosine, new InMemoryCheckpointStore(), cosineLog).Run(CancellationToken.None);
        // The same seed gives the same initial weights and batches, so the first epoch differs only by its rate.
        TinyRuns.Runner(TinyRuns.Config("SC(c)", epochs: 1, probeEpochs: 1), new InMemoryCheckpointStore(), stepLog)
            .Run(CancellationToken.None);

        // Reference values computed in Python: contrastive 0.05 over 3 epochs with floor 5e-5, epoch 0 at half
        // the rate of epoch 1; probe 0.1 over 2 epochs, no warm-up.
        double[] expected = [0.01875625, 0.0375125, 0.0125375, 0.1, 0.05005];
        var rates = cosineLog.Epochs.Select(e => e.LearningRate).ToArray();
        Assert.Equal(expected.Length, rates.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], rates[i], 1e-12);
        }

        var stepFirst = stepLog.Epochs.First();
        var cosineFirst = cosineLog.Epochs.First();
        Assert.Equal(0.05, stepFirst.LearningRate, 1e-15);
        Assert.NotEqual(stepFirst.Loss, cosineFirst.Loss);
    }

    [Theory]
    [InlineData(1, 3, 2)]
    [InlineData(5, 14, 7)]
    public void Runner_AugmentationRatio_ScalesStepsNotEpochs(int ratio, int contrastiveSteps, int probeSteps)
    {
        // b = 32: 16 images per contrastive step, ceil(r x 42 / 16); 32 per probe step, ceil(r x 42 / 32).
        var config = TinyRuns.Config("SC(c)", epochs: 3, probeEpochs: 2, ratio: ratio);

        var runner = TinyRuns.Runner(config, new InMemoryCheckpointStore());

        Assert.Equal((TrainingPhase.Contrastive, contrastiveSteps), runner.StepsPerEpoch[0]);
        Assert.Equal((TrainingPhase.Probe, probeSteps), runner.StepsPerEpoch[1]);
        Assert.Equal(42, TinyRuns.Split.Train.Length);
    }

    [Fact]
    public void ProjectionHead_Linear_HasOneLayerAndUnitNormRows()
    {
        using var scope = torch.NewDisposeScope();
        var options = new NetworkOptions(Stem.ImageNet, 8, ProjectionHidden: 32, EmbeddingSize: 16, Head: ProjectionHeadKind.Linear);
        using var head = new ProjectionHead(options);

        var output = head.call(torch.randn(5, options.RepresentationSize) * 10);

        Assert.Equal(new long[] { 5, 16 }, output.shape);
        Assert.All(output.norm(1).data<float>().ToArray(), norm => Assert.Equal(1f, norm, 1e-5f));
        Assert.Equal(["output.bias", "output.weight"], head.state_dict().Keys.Order());
        Assert.Equal(64 * 16 + 16, head.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void SubjectRule_Auto_FollowsRepeatedSubjects()
    {
        var repeated = DataSplitFixtures.EveryoneShowsEveryLabel(5, Emotion.Happy, Emotion.Sad);
        var single = DataSplitFixtures.Counts((Emotion.Happy, 5), (Emotion.Sad, 5));

        Assert.True(SubjectRule.Resolve(repeated, requested: null));
        Assert.False(SubjectRule.Resolve(single, requested: null));
        Assert.False(SubjectRule.Resolve(repeated, requested: false));
        Assert.True(SubjectRule.Resolve(single, requested: true));
    }
}
