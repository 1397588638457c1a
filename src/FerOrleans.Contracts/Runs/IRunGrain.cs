namespace FerOrleans.Contracts.Runs;

/// <summary>One training run, keyed by its run id; owns the run's state and result.</summary>
public interface IRunGrain : IGrainWithStringKey
{
    /// <summary>Stores the definition; a second call with the same definition changes nothing.</summary>
    Task InitializeAsync(RunDefinition definition);

    /// <summary>
    /// Queues the run on a training slot of this silo and returns at once. Does nothing when the run is
    /// completed or already queued or training here. A run with a checkpoint continues from it.
    /// </summary>
    Task<RunStatus> StartAsync();

    Task<RunStatus> GetStatusAsync();

    /// <summary>The slot began training; <paramref name="resumedFromEpoch"/> epochs came from a checkpoint.</summary>
    Task ReportStartedAsync(string silo, int resumedFromEpoch);

    Task ReportProgressAsync(RunProgress progress);

    /// <summary>Training finished and the result and model are stored.</summary>
    Task ReportCompletedAsync(RunResult result);

    /// <summary>Training stopped with an error; <paramref name="error"/> says why.</summary>
    Task ReportFailedAsync(string error);
}
