using FerOrleans.Cli.Infrastructure;
using FerOrleans.Contracts.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Sweep;

/// <summary><c>fer sweep report NAME</c>: statistics over repetitions as report.md and results.json.</summary>
public sealed class SweepReportCommand : AsyncCommand<SweepReportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SweepReportSettings settings, CancellationToken cancellationToken)
    {
        await using var session = await ClusterSession.OpenAsync(settings, trains: false, cancellationToken);
        var status = await session.Grains.GetGrain<ISweepGrain>(settings.Name).GetStatusAsync()
            ?? throw new ArgumentException($"No sweep named '{settings.Name}' exists in {session.Description}.");
        var folder = settings.Out ?? Path.Combine(settings.Store, "reports", settings.Name);
        var report = await ReportBuilder.WriteAsync(session.Grains, status, folder);
        AnsiConsole.MarkupLineInterpolated($"Report: [bold]{report}[/]");
        return 0;
    }
}
