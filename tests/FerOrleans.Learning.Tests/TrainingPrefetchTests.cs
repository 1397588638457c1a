using FerOrleans.Learning.Training;

namespace FerOrleans.Learning.Tests;

public sealed class TrainingPrefetchTests
{
    public TrainingPrefetchTests() => TorchSetup.UseOneThread();

    [Theory]
    [InlineData("SC(c<-a)")]
    [InlineData("SL(c+a)")]
    public void Run_WithPrefetch_ReproducesRunWithout(string approach)
    {
        var config = TinyRuns.Config(approach, epochs: 2, probeEpochs: 2, ratio: 2);
        var direct = new ProgressLog();
        var prefetched = new ProgressLog();

        var withoutPrefetch = Runner(config, direct, depth: 0).Run(CancellationToken.None);
        var withPrefetch = Runner(config, prefetched, depth: 3).Run(CancellationToken.None);

        Assert.Equal(direct.Steps.Select(s => s.Loss), prefetched.Steps.Select(s => s.Loss));
        Assert.Equal(direct.Epochs.Select(e => e.ValidationAccuracy), prefetched.Epochs.Select(e => e.ValidationAccuracy));
        Assert.Equal(withoutPrefetch.TestAccuracy, withPrefetch.TestAccuracy);
        Assert.Equal(withoutPrefetch.Model, withPrefetch.Model);
    }

    private static TrainingRunner Runner(RunConfig config, ProgressLog log, int depth) =>
        new(config, TinyRuns.Children, TinyRuns.Adults, TinyRuns.Split, TorchSharp.torch.CPU, new InMemoryCheckpointStore(), log)
        {
            PrefetchDepth = depth,
        };
}
