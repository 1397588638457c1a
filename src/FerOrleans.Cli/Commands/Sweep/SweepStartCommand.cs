using FerOrleans.Cli.Infrastructure;
using FerOrleans.Contracts.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Sweep;

/// <summary>
/// <c>fer sweep start SPEC</c>: validates and starts a sweep. On an embedded silo the command trains the
/// runs itself and stays until they finish; against a running silo it returns once they are dispatched.
/// </summary>
public sealed class SweepStartCommand : AsyncCommand<SweepStartSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SweepStartSettings settings, CancellationToken cancellationToken)
    {
        var spec = SweepSpecFile.Read(settings.Spec);
        await using var session = await ClusterSession.OpenAsync(settings, trains: true, cancellationToken);
        return await SweepRunner.StartAndFollowAsync(session, spec, settings, settings.Report, cancellationToken);
    }
}

/// <summary>Starts a sweep and, when this process hosts the silo, watches it to the end and writes the report.</summary>
public static class SweepRunner
{
    public static async Task<int> StartAndFollowAsync(
        ClusterSession session, SweepSpec spec, StoreSettings settings, string? reportFolder, CancellationToken cancellationToken)
    {
        var sweep = session.Grains.GetGrain<ISweepGrain>(spec.Name);
        var status = await sweep.StartAsync(spec);
        AnsiConsole.MarkupLineInterpolated(
            $"Sweep [bold]{spec.Name}[/]: {status.Runs.Count} runs, {status.Count(Contracts.Runs.RunState.Completed)} already completed.");
        if (settings.Connect is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"Follow it with: fer sweep watch {spec.Name} --connect {settings.Connect}");
            return 0;
        }

        status = await SweepWatcher.WatchAsync(sweep, cancellationToken);
        var folder = reportFolder ?? Path.Combine(settings.Store, "reports", spec.Name);
        var report = await ReportBuilder.WriteAsync(session.Grains, status, folder);
        AnsiConsole.MarkupLineInterpolated($"Report: [bold]{report}[/]");
        return SweepOutcome.ExitCode(status);
    }
}

/// <summary>Exit codes: 0 when every run completed, 1 when any failed.</summary>
public static class SweepOutcome
{
    public static int ExitCode(SweepStatus status) => status.Count(Contracts.Runs.RunState.Failed) == 0 ? 0 : 1;
}
