using FerOrleans.Cli.Infrastructure;
using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Sweep;

/// <summary>
/// <c>fer sweep rerun-failed NAME</c>: resets the failed-attempt count of every failed run and starts it again
/// from its last checkpoint, then follows the sweep like <c>fer sweep resume</c>.
/// </summary>
public sealed class SweepRerunFailedCommand : AsyncCommand<SweepNameSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SweepNameSettings settings, CancellationToken cancellationToken)
    {
        await using var session = await ClusterSession.OpenAsync(settings, trains: true, cancellationToken);
        var sweep = session.Grains.GetGrain<ISweepGrain>(settings.Name);
        var before = await sweep.GetStatusAsync()
            ?? throw new ArgumentException($"No sweep named '{settings.Name}' exists in {session.Description}.");
        var status = await sweep.RerunFailedAsync();
        AnsiConsole.MarkupLineInterpolated(
            $"Sweep [bold]{settings.Name}[/]: {before.Count(RunState.Failed)} failed runs started again.");
        return await SweepRunner.StartAndFollowAsync(session, status.Spec, settings, null, cancellationToken);
    }
}
