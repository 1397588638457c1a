using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Grains.Training;
using FerOrleans.Learning.Data;
using Microsoft.Extensions.DependencyInjection;

namespace FerOrleans.Grains.Tests;

public sealed class SweepGrainTests
{
    private static readonly TimeSpan SweepTimeout = TimeSpan.FromMinutes(4);

    private static SweepSpec TinySpec(string name, params string[] approaches) => new()
    {
        Name = name,
        DatasetA = "tiny-child",
        DatasetB = "tiny-adult",
        Approaches = approaches,
        TrainFractions = [0.5],
        AugmentationRatios = [1],
        Repetitions = 1,
        Network = new NetworkSpec { Stem = "imagenet", Width = 4, ProjectionHidden = 16, EmbeddingSize = 8 },
        Training = new TrainingSpec { Epochs = 2, ProbeEpochs = 2, BatchSize = 16, ProbeLearningRate = 0.05 },
    };

    [Fact]
    public async Task Sweep_TwoRuns_CompleteWithStoredResultsAndCheckpoints()
    {
        await using var cluster = await EmbeddedCluster.StartAsync();
        await cluster.ImportSyntheticAsync("tiny-child", SyntheticDomain.Child, 6, seed: 1);
        await cluster.ImportSyntheticAsync("tiny-adult", SyntheticDomain.Adult, 6, seed: 2);
        var sweep = cluster.Grains.GetGrain<ISweepGrain>("two-runs");

        var started = await sweep.StartAsync(TinySpec("two-runs", "SC(c<-a)", "SL(c)"));
        var status = await WaitUntilFinishedAsync(sweep, cluster);

        // One slot takes one run at a time; the other is still listed, as pending.
        Assert.Equal(2, started.Runs.Count);
        Assert.Equal(2, status.Runs.Count);
        Assert.All(status.Runs, run => Assert.Equal(RunState.Completed, run.State));
        foreach (var run in status.Runs)
        {
            Assert.InRange(run.Result!.TestAccuracy, 0.0, 1.0);
            Assert.InRange(run.Result.ValidationAccuracy, 0.0, 1.0);
            Assert.NotNull(await cluster.Store.GetAsync(StoreKeys.RunResult(run.Definition.RunId)));
            Assert.NotNull(await cluster.Store.GetAsync(StoreKeys.Model(run.Definition.RunId)));
            Assert.NotEmpty(await cluster.ListAsync(StoreKeys.CheckpointPrefix(run.Definition.RunId)));
            Assert.NotEmpty(run.Result.Split.Train);
            Assert.Empty(run.Result.Split.Train.Intersect(run.Result.Split.Test));
        }
    }

    [Fact]
    public async Task Sweep_AfterSiloRestart_KeepsCompletedRunsAndStartsNoDuplicate()
    {
        await using var cluster = await EmbeddedCluster.StartAsync();
        await cluster.ImportSyntheticAsync("tiny-child", SyntheticDomain.Child, 6, seed: 1);
        await cluster.ImportSyntheticAsync("tiny-adult", SyntheticDomain.Adult, 6, seed: 2);
        var spec = TinySpec("restart", "SL(c)");
        await cluster.Grains.GetGrain<ISweepGrain>("restart").StartAsync(spec);
        var before = await WaitUntilFinishedAsync(cluster.Grains.GetGrain<ISweepGrain>("restart"), cluster);

        await cluster.RestartAsync();
        var again = await cluster.Grains.GetGrain<ISweepGrain>("restart").StartAsync(spec);

        var run = Assert.Single(again.Runs);
        Assert.Equal(RunState.Completed, run.State);
        Assert.Equal(1, run.Attempts);
        Assert.Equal(before.Runs[0].Result!.TestAccuracy, run.Result!.TestAccuracy);
    }

    [Fact]
    public async Task Start_InvalidSpec_RejectsNamingEveryFieldAndStoresNothing()
    {
        await using var cluster = await EmbeddedCluster.StartAsync();
        var spec = TinySpec("bad", "SC(x)") with { TrainFractions = [1.5], AugmentationRatios = [0] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => cluster.Grains.GetGrain<ISweepGrain>("bad").StartAsync(spec));

        Assert.Contains("approaches[0]: unknown approach 'SC(x)'", error.Message);
        Assert.Contains("trainFractions[0]", error.Message);
        Assert.Contains("augmentationRatios[0]", error.Message);
        Assert.Null(await cluster.Grains.GetGrain<ISweepGrain>("bad").GetStatusAsync());
        Assert.Empty(await cluster.ListAsync("runs/"));
    }

    [Fact]
    public async Task Start_UnknownDataset_RejectsNamingIt()
    {
        await using var cluster = await EmbeddedCluster.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => cluster.Grains.GetGrain<ISweepGrain>("nodata").StartAsync(TinySpec("nodata", "SL(c)")));

        Assert.Contains("no data set named 'tiny-child'", error.Message);
        Assert.Null(await cluster.Grains.GetGrain<ISweepGrain>("nodata").GetStatusAsync());
    }

    [Fact]
    public async Task Start_SameNameOtherSpec_Rejects()
    {
        await using var cluster = await EmbeddedCluster.StartAsync();
        await cluster.ImportSyntheticAsync("tiny-child", SyntheticDomain.Child, 6, seed: 1);
        await cluster.ImportSyntheticAsync("tiny-adult", SyntheticDomain.Adult, 6, seed: 2);
        var sweep = cluster.Grains.GetGrain<ISweepGrain>("same");
        await sweep.StartAsync(TinySpec("same", "SL(c)"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => sweep.StartAsync(TinySpec("same", "UC(c)")));

        Assert.Contains("already exists with a different spec", error.Message);
        await WaitUntilFinishedAsync(sweep, cluster);
    }

    [Fact]
    public async Task Start_SiloWithoutSlots_RejectsAndLeavesRunsPending()
    {
        await using var cluster = await EmbeddedCluster.StartAsync(cpuSlots: 0);
        await cluster.ImportSyntheticAsync("tiny-child", SyntheticDomain.Child, 6, seed: 1);
        await cluster.ImportSyntheticAsync("tiny-adult", SyntheticDomain.Adult, 6, seed: 2);
        var sweep = cluster.Grains.GetGrain<ISweepGrain>("no-slots");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sweep.StartAsync(TinySpec("no-slots", "SL(c)")));

        Assert.Contains("no training slots", error.Message);
        var run = Assert.Single((await sweep.GetStatusAsync())!.Runs);
        Assert.Equal(RunState.Pending, run.State);
        Assert.Equal(0, run.Attempts);
    }

    [Fact]
    public async Task DatasetCache_ImportAfterFailedLoad_LoadsDataset()
    {
        await using var cluster = await EmbeddedCluster.StartAsync();
        var cache = cluster.App.Services.GetRequiredService<DatasetCache>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync("late"));

        var imported = await cluster.ImportSyntheticAsync("late", SyntheticDomain.Child, 2, seed: 3);
        var loaded = await cache.GetAsync("late");

        Assert.Equal(imported.Count, loaded.Count);
        Assert.Equal(imported.Pixels, loaded.Pixels);
        Assert.Equal(imported.Labels, loaded.Labels);
    }

    private static Task<SweepStatus> WaitUntilFinishedAsync(ISweepGrain sweep, EmbeddedCluster cluster) =>
        ClusterSpecs.WaitUntilFinishedAsync(() => cluster.Grains, sweep.GetPrimaryKeyString(), SweepTimeout);
}
