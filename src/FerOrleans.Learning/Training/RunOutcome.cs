using FerOrleans.Learning.Data;

namespace FerOrleans.Learning.Training;

/// <summary>The result of one training run, measured with the weights of the best validation epoch.</summary>
/// <param name="ValidationAccuracy">Best top-1 validation accuracy, 0..1.</param>
/// <param name="TestAccuracy">Top-1 test accuracy, 0..1, with the weights of the best validation epoch.</param>
/// <param name="ClassLabels">The classifier's classes in output order: the labels of data set A, ascending.</param>
/// <param name="TestConfusion">Test confusion counts [true class][predicted class], in <paramref name="ClassLabels"/> order.</param>
/// <param name="PerClassTestAccuracy">Test accuracy per true class; null for a class without test images.</param>
/// <param name="Model">The trained encoder and classifier, readable with <see cref="Evaluation.TrainedModel.Load"/>.</param>
/// <param name="Steps">Optimisation steps of all phases, counted across resumes.</param>
/// <param name="Duration">Training time, summed across resumes.</param>
/// <param name="BestEpoch">1-based epoch of the classifier phase (probe or SL) whose weights were kept.</param>
/// <param name="Device">The torch device that trained, such as "cpu" or "cuda".</param>
public sealed record RunOutcome(
    double ValidationAccuracy,
    double TestAccuracy,
    Emotion[] ClassLabels,
    int[][] TestConfusion,
    double?[] PerClassTestAccuracy,
    byte[] Model,
    long Steps,
    TimeSpan Duration,
    int BestEpoch,
    string Device);
