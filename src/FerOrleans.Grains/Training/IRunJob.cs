namespace FerOrleans.Grains.Training;

/// <summary>One run's work on a slot thread: trains, stores the outcome and reports to the run grain.</summary>
public interface IRunJob
{
    /// <summary>
    /// Executes the run on the calling thread; returns when it completed, failed or was cancelled.
    /// <paramref name="siloStopping"/> leaves the run as it is for a later resume; <paramref name="runCancelled"/>
    /// reports it cancelled. Both stop it at the next step.
    /// </summary>
    void Execute(CancellationToken siloStopping, CancellationToken runCancelled);
}
