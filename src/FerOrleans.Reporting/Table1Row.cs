namespace FerOrleans.Reporting;

/// <summary>
/// One row of the analogue of Table 1 of Virgolin et al. 2022 (arXiv 2202.05187). At one training split and its
/// largest augmentation ratio, it contains the best and runner-up approach with their mean test accuracies and the
/// one-sided p-value.
/// </summary>
/// <param name="TrainFraction">The training split as a fraction.</param>
/// <param name="AugmentationRatio">The largest augmentation ratio with results at this split.</param>
/// <param name="Best">The approach with the highest mean test accuracy.</param>
/// <param name="BestMeanTestAccuracy">Its mean test accuracy as a fraction.</param>
/// <param name="RunnerUp">The runner-up approach, or null when there is none.</param>
/// <param name="RunnerUpMeanTestAccuracy">Its mean test accuracy as a fraction.</param>
/// <param name="P">The one-sided Mann-Whitney U p-value, or null when there is no runner-up.</param>
public sealed record Table1Row(
    double TrainFraction,
    int AugmentationRatio,
    string Best,
    double BestMeanTestAccuracy,
    string? RunnerUp,
    double? RunnerUpMeanTestAccuracy,
    double? P);
