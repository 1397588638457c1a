namespace FerOrleans.Reporting;

/// <summary>A Mann-Whitney U test of the test accuracies of a requested approach pair at one split and ratio.</summary>
/// <param name="First">The first approach of the pair (sample x).</param>
/// <param name="Second">The second approach of the pair (sample y).</param>
/// <param name="TrainFraction">The training split as a fraction.</param>
/// <param name="AugmentationRatio">The augmentation ratio r.</param>
/// <param name="FirstTest">The test accuracy summary of <paramref name="First"/>.</param>
/// <param name="SecondTest">The test accuracy summary of <paramref name="Second"/>.</param>
/// <param name="Alternative">The alternative hypothesis, stated for <paramref name="First"/>.</param>
/// <param name="U">The U statistic of the first approach's accuracies, or null when a sample is empty.</param>
/// <param name="P">The p-value under <paramref name="Alternative"/>, or null when a sample is empty.</param>
/// <param name="HolmP">The Holm-adjusted p-value over all requested pair tests, when Holm correction was
/// requested.</param>
/// <param name="Method">Whether <paramref name="P"/> is exact or asymptotic.</param>
/// <param name="Note">Why the test is missing or not meaningful, or null.</param>
public sealed record PairComparisonReport(
    string First,
    string Second,
    double TrainFraction,
    int AugmentationRatio,
    SampleSummary FirstTest,
    SampleSummary SecondTest,
    Alternative Alternative,
    double? U,
    double? P,
    double? HolmP,
    MannWhitneyMethod? Method,
    string? Note);
