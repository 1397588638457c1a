using FerOrleans.Contracts.Runs;
using Microsoft.Extensions.Logging;

namespace FerOrleans.Grains.Recovery;

/// <summary>
/// Reads the status of runs from their grains. A run whose silo died is re-activated on a live silo by the
/// read, and marks itself interrupted there because no local slot contains it.
/// </summary>
public static class RunPoller
{
    /// <summary>Longest wait for one run's status; a run that does not respond is read again on the next tick.</summary>
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Returns the status of each run that responded within <see cref="RunTimeout"/>.</summary>
    public static async Task<IReadOnlyList<RunStatus>> ReadAsync(IGrainFactory grains, IEnumerable<string> runIds, ILogger logger)
    {
        var statuses = await Task.WhenAll(runIds.Select(id => ReadOneAsync(grains, id, logger)));
        return statuses.OfType<RunStatus>().ToArray();
    }

    private static async Task<RunStatus?> ReadOneAsync(IGrainFactory grains, string runId, ILogger logger)
    {
        try
        {
            return await grains.GetGrain<IRunGrain>(runId).GetStatusAsync().WaitAsync(RunTimeout);
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            // The run's silo is down and not yet declared dead: its activation cannot respond until it is.
            logger.RunStatusUnavailable(ex, runId);
            return null;
        }
    }
}
