using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Learning.Training;

namespace FerOrleans.Grains.Tests;

public sealed class RunRetryTests
{
    [Fact]
    public async Task Run_AlwaysFailing_StopsAtCapThenReruns()
    {
        var expected = await UninterruptedRun.GetAsync();
        await using var cluster = await FaultCluster.StartAsync();
        await cluster.ImportTinyDatasetsAsync();
        var runId = FaultSpecs.RunId("cap");
        var foreign = ForeignCheckpoint();
        await cluster.Store.PutAsync(StoreKeys.Checkpoint(runId, 1), foreign);
        var sweep = cluster.Grains.GetGrain<ISweepGrain>("cap");

        await sweep.StartAsync(FaultSpecs.OneRun("cap", maxAttempts: 2));
        var failed = Assert.Single((await cluster.WaitUntilFinishedAsync("cap")).Runs);
        var resumed = await sweep.ResumeAsync();

        Assert.Equal(RunState.Failed, failed.State);
        Assert.Equal(2, failed.Attempts);
        Assert.Equal(2, failed.FailedAttempts);
        Assert.Equal(2, failed.History.Count);
        Assert.All(failed.History, a => Assert.Equal(RunState.Failed, a.Outcome));
        Assert.All(failed.History, a => Assert.Contains("written for another configuration", a.Error));
        Assert.Contains("written for another configuration", failed.Error);
        Assert.Equal(RunState.Failed, Assert.Single(resumed.Runs).State);
        Assert.Single(cluster.Logs.Entries, e => e.EventId == (int)LogEvent.RunRetryScheduled);
        Assert.Single(cluster.Logs.Entries, e => e.EventId == (int)LogEvent.RunGaveUp && e.Message.Contains(runId));

        await cluster.Store.DeleteAsync(StoreKeys.Checkpoint(runId, 1));
        await sweep.RerunFailedAsync();
        var status = await cluster.WaitUntilFinishedAsync("cap");

        var run = Assert.Single(status.Runs);
        Assert.Equal(RunState.Completed, run.State);
        Assert.Equal(3, run.Attempts);
        Assert.Equal(0, run.FailedAttempts);
        Assert.Equal([RunState.Failed, RunState.Failed, RunState.Completed], run.History.Select(a => a.Outcome));
        FaultSpecs.AssertSameResult(expected.Result, run.Result!);
    }

    [Fact]
    public async Task Sweep_ConcurrentStarts_CreateOneSweep()
    {
        await using var cluster = await FaultCluster.StartAsync();
        await cluster.ImportTinyDatasetsAsync();
        var spec = FaultSpecs.OneRun("twice");

        var starts = await Task.WhenAll(
            cluster.Grains.GetGrain<ISweepGrain>("twice").StartAsync(spec),
            cluster.Grains.GetGrain<ISweepGrain>("twice").StartAsync(spec));
        var status = await cluster.WaitUntilFinishedAsync("twice");

        Assert.All(starts, s => Assert.Equal(FaultSpecs.RunId("twice"), Assert.Single(s.Runs).Definition.RunId));
        var run = Assert.Single(status.Runs);
        Assert.Equal(RunState.Completed, run.State);
        Assert.Equal(1, run.Attempts);
        Assert.Single(run.History);
        Assert.Single(await cluster.ListAsync("grains/sweep/"));
        Assert.Single(await cluster.ListAsync("grains/run/"));
        Assert.Single(cluster.Logs.Entries, e => e.EventId == (int)LogEvent.SweepCreated);
    }

    [Fact]
    public async Task Start_InvalidSpecOrUnknownDataset_LeavesStoreUnchanged()
    {
        await using var cluster = await FaultCluster.StartAsync();
        await cluster.ImportTinyDatasetsAsync();
        var before = await cluster.SnapshotAsync();
        var invalid = FaultSpecs.OneRun("bad") with { MaxAttempts = 0, TrainFractions = [1.5] };
        var unknownB = FaultSpecs.OneRun("nob") with { Approaches = ["SC(c<-a)"], DatasetB = "missing-adults" };
        var unknownA = FaultSpecs.OneRun("noa") with { DatasetA = "missing-children" };

        var invalidError = await Assert.ThrowsAsync<ArgumentException>(() => cluster.Grains.GetGrain<ISweepGrain>("bad").StartAsync(invalid));
        var unknownBError = await Assert.ThrowsAsync<ArgumentException>(() => cluster.Grains.GetGrain<ISweepGrain>("nob").StartAsync(unknownB));
        var unknownAError = await Assert.ThrowsAsync<ArgumentException>(() => cluster.Grains.GetGrain<ISweepGrain>("noa").StartAsync(unknownA));

        Assert.Contains("maxAttempts: 0", invalidError.Message);
        Assert.Contains("trainFractions[0]", invalidError.Message);
        Assert.Contains("no data set named 'missing-adults'", unknownBError.Message);
        Assert.Contains("fer data import --name missing-adults", unknownBError.Message);
        Assert.Contains("no data set named 'missing-children'", unknownAError.Message);
        Assert.Equal(before, await cluster.SnapshotAsync());
        Assert.Null(await cluster.Grains.GetGrain<ISweepGrain>("nob").GetStatusAsync());
    }

    /// <summary>A checkpoint with a valid checksum written for another configuration: every resume rejects it.</summary>
    private static byte[] ForeignCheckpoint() => new Checkpoint
    {
        RunConfigJson = "{\"approach\":\"another run\"}",
        Sequence = 1,
        Phase = TrainingPhase.Supervised,
        CompletedEpochs = 1,
        GlobalStep = 1,
        Elapsed = TimeSpan.FromSeconds(1),
        Encoder = [1],
        ClassifierOutput = [2],
        Optimizer = [3],
        TorchRngState = [4],
    }.ToBytes();
}
