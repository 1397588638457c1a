namespace FerOrleans.Contracts.Runs;

/// <summary>
/// Life cycle of a run: Pending, Queued, Running, then Completed, Failed or Cancelled. A failed attempt below
/// the retry cap waits in Retrying and is queued again. New states go at the end: Orleans sends the numbers.
/// </summary>
[GenerateSerializer]
public enum RunState
{
    /// <summary>Expanded from the spec, not yet handed to a training slot.</summary>
    Pending,

    /// <summary>Waiting in a silo's queue for a free training slot.</summary>
    Queued,

    /// <summary>Training on a slot; progress reports arrive.</summary>
    Running,

    /// <summary>Finished; its result is stored.</summary>
    Completed,

    /// <summary>
    /// Stopped by errors in <see cref="Sweeps.SweepSpec.MaxAttempts"/> attempts; each attempt's error is recorded.
    /// <c>fer sweep rerun-failed</c> resets the count and continues from the last checkpoint.
    /// </summary>
    Failed,

    /// <summary>Was queued or running when its silo went away; a resume continues it from its checkpoint.</summary>
    Interrupted,

    /// <summary>An attempt failed below the retry cap; the run is queued again after a backoff delay.</summary>
    Retrying,

    /// <summary>Stopped on request at a step boundary; its checkpoints are kept and a resume continues it.</summary>
    Cancelled,
}
