using System.Diagnostics;
using FerOrleans.Contracts.Datasets;
using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Learning.Data;
using Xunit.Abstractions;

namespace FerOrleans.Grains.Tests;

public sealed class ClusterRecoveryTests(AzuriteTables azurite, ITestOutputHelper output) : IClassFixture<AzuriteTables>
{
    private static SweepSpec Spec(string name) => ClusterSpecs.Tiny(name, "SL(c+a)", repetitions: 2, epochs: 8);

    [Fact]
    public async Task Sweep_SiloKilledMidRun_FinishesWithUninterruptedResults()
    {
        var reference = await UninterruptedAsync();
        await using var cluster = await SiloCluster.StartAsync(new SiloCluster.Setup([1, 1], azurite.ConnectionString));
        await ClusterSpecs.ImportAsync(cluster.Grains);
        await cluster.Grains.GetGrain<ISweepGrain>("kill").StartAsync(Spec("kill"));

        var (victim, killedSilo) = await WaitForCheckpointedRunAsync(cluster);
        var survivor = 1 - killedSilo;
        await cluster.KillAsync(killedSilo);
        var recovered = await WaitForRunningOnAsync(cluster, victim, cluster.SiloName(survivor));
        output.WriteLine($"run {victim} training again on the surviving silo {recovered.TotalSeconds:F1} s after the kill");
        output.WriteLine(cluster.Diagnostics());
        var status = await ClusterSpecs.WaitUntilFinishedAsync(() => cluster.Grains, "kill");

        Assert.All(status.Runs, run => Assert.Equal(RunState.Completed, run.State));
        var resumed = status.Runs.Single(run => run.Definition.RunId == victim);
        Assert.True(resumed.Attempts >= 2, $"attempts {resumed.Attempts}");
        Assert.True(resumed.ResumedFromEpoch >= 1, $"resumed from {resumed.ResumedFromEpoch}");
        Assert.Equal(cluster.SiloName(survivor), resumed.Silo);
        foreach (var run in status.Runs)
        {
            var expected = reference[run.Definition.RunId.Replace("kill/", "", StringComparison.Ordinal)];
            Assert.Equal(expected.TestAccuracy, run.Result!.TestAccuracy);
            Assert.Equal(expected.ValidationAccuracy, run.Result.ValidationAccuracy);
            Assert.Equal(expected.BestEpoch, run.Result.BestEpoch);
            Assert.Equal(expected.Steps, run.Result.Steps);
            Assert.Equal(expected.TestConfusion, run.Result.TestConfusion);
        }

        // The survivor trained both runs but fetched each shard of both data sets once.
        var shards = await ShardCountAsync(cluster.Grains, "tiny-child") + await ShardCountAsync(cluster.Grains, "tiny-adult");
        Assert.Equal(shards, cluster.Counters[survivor].Count(LogEvent.DatasetShardCached));
        Assert.Equal(0, cluster.Counters[survivor].Count(LogEvent.DatasetCacheCorrupt));
    }

    /// <summary>The same sweep on one silo that is never stopped; results keyed by the run id without the sweep name.</summary>
    private static async Task<Dictionary<string, RunResult>> UninterruptedAsync()
    {
        await using var single = await EmbeddedCluster.StartAsync();
        await ClusterSpecs.ImportAsync(single.Grains);
        await single.Grains.GetGrain<ISweepGrain>("reference").StartAsync(Spec("reference"));
        var status = await ClusterSpecs.WaitUntilFinishedAsync(() => single.Grains, "reference");
        return status.Runs.ToDictionary(
            run => run.Definition.RunId.Replace("reference/", "", StringComparison.Ordinal), run => run.Result!);
    }

    /// <summary>Waits until a run trains past epoch 2; returns it and the index of the silo it trains on.</summary>
    private static async Task<(string RunId, int Silo)> WaitForCheckpointedRunAsync(SiloCluster cluster)
    {
        var deadline = DateTime.UtcNow + ClusterSpecs.SweepTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var status = await cluster.Grains.GetGrain<ISweepGrain>("kill").GetStatusAsync();
            var running = status!.Runs.FirstOrDefault(run => run.State == RunState.Running && run.Progress is { Epoch: >= 2 });
            if (running is not null)
            {
                return (running.Definition.RunId, running.Silo == cluster.SiloName(0) ? 0 : 1);
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"No run reached epoch 2 within {ClusterSpecs.SweepTimeout}.");
    }

    private static async Task<TimeSpan> WaitForRunningOnAsync(SiloCluster cluster, string runId, string silo)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ClusterSpecs.SweepTimeout)
        {
            var status = await cluster.Grains.GetGrain<ISweepGrain>("kill").GetStatusAsync();
            var run = status!.Runs.Single(r => r.Definition.RunId == runId);
            if (run.Silo == silo && run.State is RunState.Running or RunState.Completed)
            {
                return clock.Elapsed;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Run {runId} did not restart on {silo} within {ClusterSpecs.SweepTimeout}.");
    }

    private static async Task<int> ShardCountAsync(IGrainFactory grains, string dataset)
    {
        var descriptor = await grains.GetGrain<IDatasetGrain>(dataset).GetAsync();
        return DatasetManifest.FromJson(descriptor!.ManifestJson).Shards.Count;
    }
}
