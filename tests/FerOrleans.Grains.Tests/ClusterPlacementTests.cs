using System.Diagnostics;
using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using Xunit.Abstractions;

namespace FerOrleans.Grains.Tests;

public sealed class ClusterPlacementTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Placement_GatewayWithoutSlots_NeverRunsAndCapHolds()
    {
        var ledger = new JobLedger();
        await using var cluster = await SiloCluster.StartAsync(
            new SiloCluster.Setup([0, 3], Ledger: ledger, Hold: TimeSpan.FromMilliseconds(150)));
        await ClusterSpecs.ImportAsync(cluster.Grains);
        var spec = ClusterSpecs.Tiny("capped", "SL(c)", repetitions: 8) with { MaxConcurrentRuns = 2 };

        await cluster.Grains.GetGrain<ISweepGrain>("capped").StartAsync(spec);
        var status = await ClusterSpecs.WaitUntilFinishedAsync(() => cluster.Grains, "capped");

        Assert.Equal(8, status.Runs.Count);
        Assert.All(status.Runs, run => Assert.Equal(RunState.Completed, run.State));
        Assert.All(status.Runs, run => Assert.Equal(cluster.SiloName(1), run.Silo));
        Assert.All(ledger.Silos.Values, silo => Assert.Equal(cluster.SiloName(1), silo));
        Assert.All(ledger.Executions.Values, count => Assert.Equal(1, count));
        Assert.Equal(2, ledger.MaxRunning);
    }

    [Fact]
    public async Task Sweep_500InstantRunsOnTwoSilos_SchedulesEachRunOnce()
    {
        var ledger = new JobLedger();
        await using var cluster = await SiloCluster.StartAsync(new SiloCluster.Setup([4, 4], Ledger: ledger));
        await ClusterSpecs.ImportAsync(cluster.Grains);
        var spec = ClusterSpecs.Tiny("load", "SL(c)", repetitions: 100, epochs: 1, 0.5, 0.6, 0.7, 0.8, 0.9);

        var clock = Stopwatch.StartNew();
        await cluster.Grains.GetGrain<ISweepGrain>("load").StartAsync(spec);
        var dispatched = clock.Elapsed;
        SweepStatus status;
        try
        {
            status = await ClusterSpecs.WaitUntilFinishedAsync(() => cluster.Grains, "load");
        }
        finally
        {
            output.WriteLine(cluster.Diagnostics());
            var view = await cluster.Grains.GetGrain<ISweepGrain>("load").GetStatusAsync();
            foreach (var stale in view!.Runs.Where(r => r.State != RunState.Completed))
            {
                var direct = await cluster.Grains.GetGrain<IRunGrain>(stale.Definition.RunId).GetStatusAsync();
                output.WriteLine($"{stale.Definition.RunId}: sweep sees {stale.State} on {stale.Silo} attempt {stale.Attempts}, " +
                    $"run grain {direct.State} on {direct.Silo} attempt {direct.Attempts}, " +
                    $"executions {ledger.Executions.GetValueOrDefault(stale.Definition.RunId)}");
            }
        }
        var finished = clock.Elapsed;

        Assert.Equal(500, status.Runs.Count);
        Assert.All(status.Runs, run => Assert.Equal(RunState.Completed, run.State));
        Assert.All(status.Runs, run => Assert.Equal(1, run.Attempts));
        Assert.Equal(500, ledger.Executions.Count);
        Assert.All(ledger.Executions.Values, count => Assert.Equal(1, count));
        Assert.Equal(2, ledger.Silos.Values.Distinct().Count());
        Assert.InRange(ledger.MaxRunning, 1, 8);
        output.WriteLine(
            $"scheduling overhead: 500 instant runs on 2 silos x 4 slots in {finished.TotalSeconds:F2} s " +
            $"({finished.TotalMilliseconds / 500:F1} ms per run; StartAsync returned after {dispatched.TotalSeconds:F2} s)");
    }
}
