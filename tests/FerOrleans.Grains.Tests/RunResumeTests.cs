using System.Diagnostics;
using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using Xunit.Abstractions;

namespace FerOrleans.Grains.Tests;

public sealed class RunResumeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Run_SiloStoppedMidRun_ResumesToSameResult()
    {
        var expected = await UninterruptedRun.GetAsync();
        await using var cluster = await FaultCluster.StartAsync();
        await cluster.ImportTinyDatasetsAsync();
        var runId = FaultSpecs.RunId("cut");
        var sweep = cluster.Grains.GetGrain<ISweepGrain>("cut");
        await sweep.StartAsync(FaultSpecs.OneRun("cut"));
        await cluster.WaitForCheckpointsAsync(runId, 2);

        var restart = Stopwatch.StartNew();
        await cluster.RestartAsync();
        var restarted = restart.Elapsed;
        sweep = cluster.Grains.GetGrain<ISweepGrain>("cut");
        Assert.Equal(RunState.Interrupted, Assert.Single((await sweep.GetStatusAsync())!.Runs).State);
        var resume = Stopwatch.StartNew();
        await sweep.ResumeAsync();
        await cluster.WaitForAsync("cut", s => s.Runs[0].State == RunState.Running, "run training again");
        var resumed = resume.Elapsed;
        var status = await cluster.WaitUntilFinishedAsync("cut");

        var run = Assert.Single(status.Runs);
        Assert.Equal(RunState.Completed, run.State);
        Assert.InRange(run.ResumedFromEpoch, 2, FaultSpecs.Epochs - 1);
        FaultSpecs.AssertSameResult(expected.Result, run.Result!);
        Assert.Equal(expected.Model, (await cluster.Store.GetAsync(run.Result!.ModelKey))!.Content);
        Assert.Equal([RunState.Interrupted, RunState.Completed], run.History.Select(a => a.Outcome));
        output.WriteLine($"silo restart {restarted.TotalSeconds:F2} s; resume call to training again {resumed.TotalSeconds:F2} s");
    }

    [Fact]
    public async Task Run_NewestCheckpointCorrupt_UsesPrevious()
    {
        var expected = await UninterruptedRun.GetAsync();
        await using var cluster = await FaultCluster.StartAsync();
        await cluster.ImportTinyDatasetsAsync();
        var runId = FaultSpecs.RunId("corrupt");
        await cluster.Grains.GetGrain<ISweepGrain>("corrupt").StartAsync(FaultSpecs.OneRun("corrupt"));
        await cluster.WaitForCheckpointsAsync(runId, 2);
        await cluster.RestartAsync();

        var keys = await cluster.ListAsync(StoreKeys.CheckpointPrefix(runId));
        var newest = keys.Select(k => StoreKeys.CheckpointSequence(k)!.Value).Max();
        var blob = (await cluster.Store.GetAsync(StoreKeys.Checkpoint(runId, newest)))!.Content;
        blob[blob.Length / 2] ^= 0xFF;
        await cluster.Store.PutAsync(StoreKeys.Checkpoint(runId, newest), blob);
        var sweep = cluster.Grains.GetGrain<ISweepGrain>("corrupt");
        await sweep.ResumeAsync();
        var status = await cluster.WaitUntilFinishedAsync("corrupt");

        var run = Assert.Single(status.Runs);
        Assert.Equal(RunState.Completed, run.State);
        Assert.Equal(newest - 1, run.ResumedFromEpoch);
        FaultSpecs.AssertSameResult(expected.Result, run.Result!);
        var logged = Assert.Single(cluster.Logs.Entries, e => e.EventId == (int)LogEvent.CheckpointCorrupt);
        Assert.Contains(runId, logged.Message);
        Assert.Contains($"checkpoint {newest}", logged.Message);
        Assert.Contains("SHA-256", logged.Message);
        Assert.All(await cluster.Grains.GetGrain<IRunGrain>(runId).GetCheckpointsAsync(), c => Assert.Null(c.Problem));
    }

    [Fact]
    public async Task Sweep_Cancelled_ResumesToSameResult()
    {
        var expected = await UninterruptedRun.GetAsync();
        await using var cluster = await FaultCluster.StartAsync();
        await cluster.ImportTinyDatasetsAsync();
        var runId = FaultSpecs.RunId("stop");
        var sweep = cluster.Grains.GetGrain<ISweepGrain>("stop");
        await sweep.StartAsync(FaultSpecs.OneRun("stop"));
        await cluster.WaitForCheckpointsAsync(runId, 1);

        await sweep.CancelAsync("test cancel");
        var cancelled = Assert.Single((await cluster.WaitUntilFinishedAsync("stop")).Runs);
        var checkpoints = await cluster.Grains.GetGrain<IRunGrain>(runId).GetCheckpointsAsync();
        await sweep.ResumeAsync();
        var status = await cluster.WaitUntilFinishedAsync("stop");

        Assert.Equal(RunState.Cancelled, cancelled.State);
        Assert.Equal("test cancel", cancelled.CancelReason);
        Assert.Equal(RunState.Cancelled, cancelled.History[^1].Outcome);
        Assert.NotEmpty(checkpoints);
        Assert.All(checkpoints, c => Assert.Null(c.Problem));
        Assert.All(checkpoints, c => Assert.Equal("supervised", c.Phase));
        Assert.All(checkpoints, c => Assert.Equal(c.Sequence, c.Epoch));
        Assert.All(checkpoints, c => Assert.True(c.Bytes > 1000, $"checkpoint {c.Sequence} has {c.Bytes} bytes"));
        var run = Assert.Single(status.Runs);
        Assert.Equal(RunState.Completed, run.State);
        Assert.Equal(checkpoints[^1].Sequence, run.ResumedFromEpoch);
        Assert.Null(run.CancelReason);
        FaultSpecs.AssertSameResult(expected.Result, run.Result!);
    }
}
