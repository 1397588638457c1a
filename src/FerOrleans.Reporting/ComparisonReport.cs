namespace FerOrleans.Reporting;

/// <summary>
/// The best and runner-up approach by mean test accuracy at one training split and augmentation ratio.
/// U and P come from the one-sided Mann-Whitney U test of best &gt; runner-up.
/// </summary>
/// <param name="TrainFraction">The training split as a fraction.</param>
/// <param name="AugmentationRatio">The augmentation ratio r.</param>
/// <param name="Best">The approach with the highest mean test accuracy.</param>
/// <param name="BestTest">The test accuracy summary of <paramref name="Best"/>.</param>
/// <param name="RunnerUp">The approach with the second-highest mean, or null when only one approach has
/// results.</param>
/// <param name="RunnerUpTest">The test accuracy summary of <paramref name="RunnerUp"/>.</param>
/// <param name="U">The U statistic of the best approach's accuracies.</param>
/// <param name="P">The one-sided p-value (alternative: best's accuracies are greater).</param>
/// <param name="HolmP">The p-value after Holm correction over all comparisons of the report.</param>
/// <param name="Method">Whether <paramref name="P"/> is exact or asymptotic.</param>
/// <param name="Note">Why the comparison is missing or not meaningful, or null.</param>
public sealed record ComparisonReport(
    double TrainFraction,
    int AugmentationRatio,
    string Best,
    SampleSummary BestTest,
    string? RunnerUp,
    SampleSummary? RunnerUpTest,
    double? U,
    double? P,
    double? HolmP,
    MannWhitneyMethod? Method,
    string? Note);
