using FerOrleans.Cli.Infrastructure;
using FerOrleans.Contracts.Sweeps;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Sweep;

/// <summary>
/// <c>fer sweep watch NAME [--metrics]</c>: live progress until the sweep finishes, optionally serving its metrics;
/// exits 0 when every run completed and 1 when any failed.
/// </summary>
public sealed class SweepWatchCommand : AsyncCommand<SweepWatchSettings>
{
    public override async Task<int> ExecuteAsync(
        CommandContext context, SweepWatchSettings settings, CancellationToken cancellationToken)
    {
        await using var session = await ClusterSession.OpenAsync(settings, trains: false, cancellationToken);
        await using var metrics = settings.Metrics
            ? await SweepMetricsEndpoint.StartAsync(settings.SweepMetricsPort, cancellationToken)
            : null;
        var sweep = session.Grains.GetGrain<ISweepGrain>(settings.Name);
        var status = await SweepWatcher.WatchAsync(sweep, metrics is null ? null : metrics.Update, cancellationToken);
        return SweepOutcome.ExitCode(status);
    }
}
