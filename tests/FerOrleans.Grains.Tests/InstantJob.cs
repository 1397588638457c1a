using FerOrleans.Contracts.Runs;
using FerOrleans.Grains.Training;

namespace FerOrleans.Grains.Tests;

/// <summary>
/// A run job that trains nothing: it reports started, holds its slot for <paramref name="hold"/>, and reports a
/// fixed result, through the run grain's real calls.
/// NOTE: stands in for training in the placement, cap and load tests, whose subject is scheduling; real
/// training would make 500 runs take hours and hide the per-run scheduling cost being measured.
/// </summary>
public sealed class InstantJob(RunDefinition run, IGrainFactory grains, string silo, JobLedger ledger, TimeSpan hold) : IRunJob
{
    public void Execute(CancellationToken siloStopping, CancellationToken runCancelled)
    {
        var grain = grains.GetGrain<IRunGrain>(run.RunId);
        ledger.Enter(run.RunId, silo);
        try
        {
            grain.ReportStartedAsync(silo, 0).GetAwaiter().GetResult();
            if (hold > TimeSpan.Zero)
            {
                Thread.Sleep(hold);
            }
        }
        finally
        {
            ledger.Exit();
        }
        grain.ReportCompletedAsync(new RunResult { TestAccuracy = 0.5, ValidationAccuracy = 0.5, Device = "none" })
            .GetAwaiter().GetResult();
    }
}
