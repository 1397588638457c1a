using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;

namespace FerOrleans.Grains.Tests;

/// <summary>
/// The result and model of <see cref="FaultSpecs.OneRun"/> trained without interruption, computed once per test
/// assembly run and shared by every test that compares a resumed run with it.
/// </summary>
public static class UninterruptedRun
{
    private static readonly Lazy<Task<(RunResult Result, byte[] Model)>> Outcome = new(TrainAsync);

    public static Task<(RunResult Result, byte[] Model)> GetAsync() => Outcome.Value;

    private static async Task<(RunResult Result, byte[] Model)> TrainAsync()
    {
        await using var cluster = await FaultCluster.StartAsync();
        await cluster.ImportTinyDatasetsAsync();
        await cluster.Grains.GetGrain<ISweepGrain>("uninterrupted").StartAsync(FaultSpecs.OneRun("uninterrupted"));
        var status = await cluster.WaitUntilFinishedAsync("uninterrupted");

        var run = Assert.Single(status.Runs);
        Assert.Equal(RunState.Completed, run.State);
        var model = await cluster.Store.GetAsync(run.Result!.ModelKey);
        return (run.Result, model!.Content);
    }
}
