namespace FerOrleans.Learning.Training;

/// <summary>The mutable position of a run: phase, epochs, steps, best validation result.</summary>
internal sealed class RunState
{
    public required TrainingPhase Phase { get; set; }

    public int CompletedEpochs { get; set; }

    public long GlobalStep { get; set; }

    public int Sequence { get; set; }

    /// <summary>Training time of earlier processes, restored from the checkpoint.</summary>
    public TimeSpan ElapsedBefore { get; set; }

    public double? BestValidationAccuracy { get; set; }

    public int BestEpoch { get; set; }

    public byte[]? BestWeights { get; set; }

    /// <summary>Optimizer state of <see cref="Phase"/> from the checkpoint, until the phase's optimizer takes it.</summary>
    public byte[]? PendingOptimizerState { get; set; }

    /// <summary>Clears the per-phase fields when a new phase starts.</summary>
    public void StartPhase(TrainingPhase phase)
    {
        Phase = phase;
        CompletedEpochs = 0;
        BestValidationAccuracy = null;
        BestEpoch = 0;
        BestWeights = null;
        PendingOptimizerState = null;
    }
}
