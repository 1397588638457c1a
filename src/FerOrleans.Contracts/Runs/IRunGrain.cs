namespace FerOrleans.Contracts.Runs;

/// <summary>One training run, keyed by its run id; owns the run's state and result.</summary>
public interface IRunGrain : IGrainWithStringKey
{
    /// <summary>Stores the definition; a second call with the same definition changes nothing.</summary>
    Task InitializeAsync(RunDefinition definition);

    /// <summary>
    /// Queues the run on a training slot of this silo and returns at once. Does nothing when the run is
    /// completed, already queued or training here, or failed as often as the spec's maxAttempts allows.
    /// A run with a checkpoint continues from it.
    /// </summary>
    Task<RunStatus> StartAsync();

    /// <summary>
    /// Stops the run at its next step boundary and marks it Cancelled, keeping its checkpoints. Does nothing to a
    /// completed, failed or cancelled run. A queued or running run is Cancelled once its slot has stopped it.
    /// </summary>
    Task<RunStatus> CancelAsync(string reason);

    /// <summary>Resets the failed-attempt count of a Failed run and starts it again; other runs are unchanged.</summary>
    Task<RunStatus> RerunAsync();

    /// <summary>The run's stored checkpoints, oldest first, each checked against its SHA-256.</summary>
    Task<IReadOnlyList<CheckpointInfo>> GetCheckpointsAsync();

    Task<RunStatus> GetStatusAsync();

    /// <summary>The slot began training; <paramref name="resumedFromEpoch"/> epochs came from a checkpoint.</summary>
    Task ReportStartedAsync(string silo, int resumedFromEpoch);

    Task ReportProgressAsync(RunProgress progress);

    /// <summary>Training finished and the result and model are stored.</summary>
    Task ReportCompletedAsync(RunResult result);

    /// <summary>Training stopped with an error; <paramref name="error"/> says why.</summary>
    Task ReportFailedAsync(string error);

    /// <summary>The slot stopped the run after <see cref="CancelAsync"/>; the last epoch's checkpoint remains.</summary>
    Task ReportCancelledAsync();
}
