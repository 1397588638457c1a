using System.Globalization;
using FerOrleans.Cli.Infrastructure;
using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Sweep;

/// <summary><c>fer sweep status NAME</c>: runs by state and each run's latest progress or result.</summary>
public sealed class SweepStatusCommand : AsyncCommand<SweepNameSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SweepNameSettings settings, CancellationToken cancellationToken)
    {
        await using var session = await ClusterSession.OpenAsync(settings, trains: false, cancellationToken);
        var status = await session.Grains.GetGrain<ISweepGrain>(settings.Name).GetStatusAsync()
            ?? throw new ArgumentException($"No sweep named '{settings.Name}' exists in {session.Description}.");

        var counts = string.Join(", ", Enum.GetValues<RunState>()
            .Where(s => status.Count(s) > 0)
            .Select(s => $"{status.Count(s)} {s.ToString().ToLowerInvariant()}"));
        AnsiConsole.MarkupLineInterpolated($"Sweep [bold]{status.Spec.Name}[/] ({status.Runs.Count} runs): {counts}");
        foreach (var run in status.Runs)
        {
            AnsiConsole.WriteLine($"  {run.Definition.RunId,-44} {Describe(run)}");
        }
        if (status.Runs.Any(r => r.State is RunState.Interrupted or RunState.Cancelled))
        {
            AnsiConsole.WriteLine($"Continue unfinished runs from their checkpoints with: fer sweep resume {status.Spec.Name}");
        }
        if (status.Runs.Any(r => r.State is RunState.Failed))
        {
            AnsiConsole.WriteLine($"Start failed runs again (attempt count reset) with: fer sweep rerun-failed {status.Spec.Name}");
        }
        return 0;
    }

    private static string Describe(RunStatus run) => run.State switch
    {
        RunState.Completed => string.Create(CultureInfo.InvariantCulture,
            $"completed  val {run.Result!.ValidationAccuracy:P1}  test {run.Result.TestAccuracy:P1}"),
        RunState.Running when run.Progress is { } p => string.Create(CultureInfo.InvariantCulture,
            $"running    {p.Phase} epoch {p.Epoch}/{p.TotalEpochs}, loss {p.Loss:0.000}"),
        RunState.Failed => $"failed     {run.Error}",
        RunState.Retrying => $"retrying   at {run.NextRetryUtc:HH:mm:ss} after: {run.Error}",
        RunState.Cancelled => $"cancelled  {run.CancelReason}",
        _ => run.State.ToString().ToLowerInvariant(),
    };
}
