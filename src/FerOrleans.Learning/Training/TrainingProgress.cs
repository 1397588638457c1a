namespace FerOrleans.Learning.Training;

/// <summary>What a <see cref="TrainingProgress"/> report marks.</summary>
public enum ProgressKind
{
    /// <summary>One optimisation step finished.</summary>
    Step,

    /// <summary>One epoch finished: mean loss of the epoch, validation accuracy where the phase has one, checkpoint written.</summary>
    EpochCompleted,
}

/// <summary>A progress report of a training run.</summary>
/// <param name="Kind">Step report or end-of-epoch report.</param>
/// <param name="Phase">The running phase.</param>
/// <param name="Epoch">1-based number of the current epoch of the phase.</param>
/// <param name="TotalEpochs">Epochs of the phase.</param>
/// <param name="Step">1-based step within the epoch; for an end-of-epoch report, the steps of the epoch.</param>
/// <param name="StepsPerEpoch">Steps of one epoch of the phase.</param>
/// <param name="GlobalStep">Steps finished in all phases so far, counted across resumes.</param>
/// <param name="Loss">Loss of the step, or for an end-of-epoch report the mean loss over the epoch's steps.</param>
/// <param name="ImagesPerSecond">Views processed per second in the step or the epoch.</param>
/// <param name="ValidationAccuracy">Top-1 validation accuracy (0..1) after the epoch; null for step reports and the contrastive phase.</param>
/// <param name="LearningRate">Learning rate of the epoch.</param>
public sealed record TrainingProgress(
    ProgressKind Kind,
    TrainingPhase Phase,
    int Epoch,
    int TotalEpochs,
    int Step,
    int StepsPerEpoch,
    long GlobalStep,
    double Loss,
    double ImagesPerSecond,
    double? ValidationAccuracy,
    double LearningRate);
