using FerOrleans.Learning.Training;
using TorchSharp;

namespace FerOrleans.Learning.Tests;

public sealed class CheckpointIntervalTests
{
    public CheckpointIntervalTests() => TorchSetup.UseOneThread();

    [Fact]
    public void Run_LongInterval_CheckpointsPhaseEndsOnlyWithSameResult()
    {
        var config = TinyRuns.Config("SC(c)", epochs: 3, probeEpochs: 2);
        var everyEpoch = new InMemoryCheckpointStore();
        var phaseEnds = new InMemoryCheckpointStore();

        var expected = TinyRuns.Runner(config, everyEpoch).Run(CancellationToken.None);
        var actual = new TrainingRunner(config, TinyRuns.Children, TinyRuns.Adults, TinyRuns.Split, torch.CPU, phaseEnds)
        {
            CheckpointInterval = TimeSpan.FromHours(1),
        }.Run(CancellationToken.None);

        Assert.Equal(5, everyEpoch.SaveCount);
        Assert.Equal(2, phaseEnds.SaveCount);
        Assert.Equal(expected.TestAccuracy, actual.TestAccuracy);
        Assert.Equal(expected.Model, actual.Model);
    }
}
