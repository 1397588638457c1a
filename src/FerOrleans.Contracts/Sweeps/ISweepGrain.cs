using Orleans.Concurrency;
using FerOrleans.Contracts.Runs;

namespace FerOrleans.Contracts.Sweeps;

/// <summary>A sweep, keyed by its name: expands a spec into runs and dispatches them to training slots.</summary>
public interface ISweepGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates the spec, stores it, creates one run per cell and hands every unfinished run to a slot.
    /// Idempotent: the same name and spec give the same sweep and the same runs; a different spec under
    /// an existing name is rejected. Returns once the runs are dispatched, not when they finish.
    /// </summary>
    /// <exception cref="ArgumentException">The spec is invalid or names an unknown data set.</exception>
    Task<SweepStatus> StartAsync(SweepSpec spec);

    /// <summary>
    /// Hands every run that is not completed to a slot again: pending, interrupted, cancelled, and failed runs
    /// below the retry cap. Runs that failed maxAttempts times need <see cref="RerunFailedAsync"/>.
    /// </summary>
    Task<SweepStatus> ResumeAsync();

    /// <summary>Stops every unfinished run at its next step boundary and marks it Cancelled; a resume continues them.</summary>
    /// <exception cref="ArgumentException">No sweep of this name exists.</exception>
    Task<SweepStatus> CancelAsync(string reason);

    /// <summary>Resets the failed-attempt count of every Failed run and starts it again from its checkpoint.</summary>
    /// <exception cref="ArgumentException">No sweep of this name exists.</exception>
    Task<SweepStatus> RerunFailedAsync();

    /// <summary>The spec and the status of every run, or null when no sweep of this name exists.</summary>
    Task<SweepStatus?> GetStatusAsync();

    /// <summary>Called by a run when its state or progress changes.</summary>
    [OneWay]
    Task OnRunChangedAsync(RunStatus status);
}
