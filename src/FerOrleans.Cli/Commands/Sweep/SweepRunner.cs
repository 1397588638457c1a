using FerOrleans.Cli.Infrastructure;
using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using Spectre.Console;

namespace FerOrleans.Cli.Commands.Sweep;

/// <summary>Starts a sweep and, when this process hosts the silo, watches it to the end and writes the report.</summary>
public static class SweepRunner
{
    public static async Task<int> StartAndFollowAsync(
        ClusterSession session, SweepSpec spec, StoreSettings settings, string? reportFolder, CancellationToken cancellationToken)
    {
        var sweep = session.Grains.GetGrain<ISweepGrain>(spec.Name);
        var status = await sweep.StartAsync(spec);
        AnsiConsole.MarkupLineInterpolated(
            $"Sweep [bold]{spec.Name}[/]: {status.Runs.Count} runs, {status.Count(RunState.Completed)} already completed.");
        if (settings.Connect is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"Follow it with: fer sweep watch {spec.Name} --connect {settings.Connect}");
            return 0;
        }

        status = await SweepWatcher.WatchAsync(sweep, onStatus: null, cancellationToken);
        var folder = reportFolder ?? Path.Combine(settings.Store, "reports", spec.Name);
        var report = await ReportBuilder.WriteAsync(session.Grains, status, folder);
        AnsiConsole.MarkupLineInterpolated($"Report: [bold]{report}[/]");
        return SweepOutcome.ExitCode(status);
    }
}
