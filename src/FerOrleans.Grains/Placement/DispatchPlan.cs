using FerOrleans.Contracts.Runs;

namespace FerOrleans.Grains.Placement;

/// <summary>Which runs of a sweep to start now, given the free slots of the cluster and the sweep's cap.</summary>
public static class DispatchPlan
{
    /// <summary>
    /// Returns, in sweep order, the runs to start: pending and interrupted runs, retries that are due, and failed or cancelled runs named in
    /// <paramref name="retryFailed"/>. Starts no more than <paramref name="freeSlots"/> runs, and no more than
    /// <paramref name="maxConcurrentRuns"/> minus the runs already queued or running.
    /// </summary>
    public static IReadOnlyList<string> Select(
        IReadOnlyList<string> runIds,
        IReadOnlyDictionary<string, RunStatus> known,
        int? maxConcurrentRuns,
        int freeSlots,
        IReadOnlySet<string> retryFailed)
    {
        var inFlight = runIds.Count(id => known.TryGetValue(id, out var s) && IsInFlight(s.State));
        var budget = Math.Min(freeSlots, maxConcurrentRuns is { } cap ? cap - inFlight : int.MaxValue);
        if (budget <= 0)
        {
            return [];
        }

        return runIds
            .Where(id => IsStartable(id, known, retryFailed))
            .Take(budget)
            .ToArray();
    }

    /// <summary>True for runs that hold or wait for a slot.</summary>
    public static bool IsInFlight(RunState state) => state is RunState.Queued or RunState.Running;

    private static bool IsStartable(string runId, IReadOnlyDictionary<string, RunStatus> known, IReadOnlySet<string> retryFailed)
    {
        if (!known.TryGetValue(runId, out var status))
        {
            return true;
        }

        return status.State switch
        {
            RunState.Pending or RunState.Interrupted => true,
            RunState.Failed or RunState.Cancelled => retryFailed.Contains(runId),
            // A retry whose grain gave up its activation (no free slot when its timer fired) is due again.
            RunState.Retrying => status.NextRetryUtc is not { } due || due <= DateTimeOffset.UtcNow,
            _ => false,
        };
    }
}
