using FerOrleans.Cli.Infrastructure;
using FerOrleans.Contracts.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Sweep;

/// <summary>
/// <c>fer sweep report NAME</c>: statistics over repetitions, figures and tables as report.md, report.html, PNGs,
/// results.json and runs.csv.
/// </summary>
public sealed class SweepReportCommand : AsyncCommand<SweepReportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SweepReportSettings settings, CancellationToken cancellationToken)
    {
        await using var session = await ClusterSession.OpenAsync(settings, trains: false, cancellationToken);
        var status = await session.Grains.GetGrain<ISweepGrain>(settings.Name).GetStatusAsync()
            ?? throw new ArgumentException($"No sweep named '{settings.Name}' exists in {session.Description}.");
        var folder = settings.Out ?? Path.Combine(settings.Store, "reports", settings.Name);
        var files = await ReportBuilder.WriteAsync(
            session.Grains, status, folder, settings.ReportOptions(), cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"Report: [bold]{Path.Combine(folder, "report.html")}[/]");

        // Plain lines, because the console wraps long markup lines at its width and breaks the paths.
        foreach (var file in files)
        {
            Console.Out.WriteLine("  " + file);
        }

        return 0;
    }
}
