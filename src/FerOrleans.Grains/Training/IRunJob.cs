namespace FerOrleans.Grains.Training;

/// <summary>One run's work on a slot thread: trains, stores the outcome and reports to the run grain.</summary>
public interface IRunJob
{
    /// <summary>Executes the run on the calling thread; returns when it completed, failed or was cancelled.</summary>
    void Execute(CancellationToken cancellationToken);
}
