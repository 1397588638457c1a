using FerOrleans.Cli.Infrastructure;
using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Sweep;

/// <summary>
/// <c>fer sweep cancel NAME</c>: stops the sweep's unfinished runs at their next step and marks them cancelled;
/// their checkpoints stay, so <c>fer sweep resume NAME</c> continues them.
/// </summary>
public sealed class SweepCancelCommand : AsyncCommand<SweepCancelSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SweepCancelSettings settings, CancellationToken cancellationToken)
    {
        await using var session = await ClusterSession.OpenAsync(settings, trains: false, cancellationToken);
        var status = await session.Grains.GetGrain<ISweepGrain>(settings.Name).CancelAsync(settings.Reason);
        var stopping = status.Runs.Count(r => r.State is RunState.Queued or RunState.Running);
        var cancelled = status.Count(RunState.Cancelled);
        var completed = status.Count(RunState.Completed);
        AnsiConsole.MarkupLineInterpolated(
            $"Sweep [bold]{settings.Name}[/]: {cancelled} runs cancelled, {stopping} stopping at their next step, {completed} completed.");
        if (cancelled + stopping > 0)
        {
            AnsiConsole.WriteLine($"Continue it with: fer sweep resume {settings.Name}");
        }
        return 0;
    }
}
