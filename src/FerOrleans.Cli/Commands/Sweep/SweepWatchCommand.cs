using FerOrleans.Cli.Infrastructure;
using FerOrleans.Contracts.Sweeps;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Sweep;

/// <summary><c>fer sweep watch NAME</c>: live progress until the sweep finishes; exits 1 when a run failed.</summary>
public sealed class SweepWatchCommand : AsyncCommand<SweepNameSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SweepNameSettings settings, CancellationToken cancellationToken)
    {
        await using var session = await ClusterSession.OpenAsync(settings, trains: false, cancellationToken);
        var status = await SweepWatcher.WatchAsync(session.Grains.GetGrain<ISweepGrain>(settings.Name), cancellationToken);
        return SweepOutcome.ExitCode(status);
    }
}
