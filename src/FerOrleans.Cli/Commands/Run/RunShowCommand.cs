using FerOrleans.Cli.Infrastructure;
using FerOrleans.Contracts.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Run;

/// <summary>
/// <c>fer run show RUN</c>: a run's definition, state, every attempt with its error, silo, progress, result
/// and stored checkpoints with their epochs and sizes.
/// </summary>
public sealed class RunShowCommand : AsyncCommand<RunShowSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunShowSettings settings, CancellationToken cancellationToken)
    {
        await using var session = await ClusterSession.OpenAsync(settings, trains: false, cancellationToken);
        var run = session.Grains.GetGrain<IRunGrain>(settings.RunId);
        RunStatus status;
        try
        {
            status = await run.GetStatusAsync();
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("never initialised", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"No run '{settings.RunId}' exists in {session.Description}; list run ids with `fer sweep status SWEEP`.", ex);
        }

        var checkpoints = await run.GetCheckpointsAsync();
        foreach (var line in RunReport.Lines(status, checkpoints))
        {
            AnsiConsole.WriteLine(line);
        }
        return 0;
    }
}
