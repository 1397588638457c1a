namespace FerOrleans.Reporting;

/// <summary>The repetitions of one configuration (approach, training split, augmentation ratio).</summary>
/// <param name="Approach">The approach acronym.</param>
/// <param name="TrainFraction">The training split as a fraction.</param>
/// <param name="AugmentationRatio">The augmentation ratio r.</param>
/// <param name="TestAccuracies">Test accuracies of the usable runs, ordered by repetition.</param>
/// <param name="ValidationAccuracies">Validation accuracies of the usable runs that have one, ordered by
/// repetition.</param>
/// <param name="Test">The summary of <paramref name="TestAccuracies"/>.</param>
/// <param name="Validation">The summary of <paramref name="ValidationAccuracies"/>.</param>
/// <param name="RunCount">Every run of the configuration, whatever its state.</param>
/// <param name="FailedCount">The runs in state Failed.</param>
/// <param name="UnfinishedCount">The other runs that did not enter the statistics: pending, queued, running,
/// interrupted, or completed without a test accuracy.</param>
public sealed record CellReport(
    string Approach,
    double TrainFraction,
    int AugmentationRatio,
    IReadOnlyList<double> TestAccuracies,
    IReadOnlyList<double> ValidationAccuracies,
    SampleSummary Test,
    SampleSummary Validation,
    int RunCount,
    int FailedCount,
    int UnfinishedCount);
