namespace FerOrleans.Reporting;

/// <summary>The test confusion matrix of one configuration, summed over its completed repetitions.</summary>
/// <param name="Approach">The approach acronym.</param>
/// <param name="TrainFraction">The training split as a fraction.</param>
/// <param name="AugmentationRatio">The augmentation ratio r.</param>
/// <param name="ClassNames">The class names, in the order of the rows and columns.</param>
/// <param name="Counts">Test images per true class (row) and predicted class (column), summed over runs.</param>
/// <param name="RunCount">The completed runs whose matrices are summed.</param>
/// <param name="PerClassAccuracy">Per true class, the fraction of its test images predicted correctly (the
/// recall); NaN, written as null in JSON, for a class without test images.</param>
public sealed record ConfusionReport(
    string Approach,
    double TrainFraction,
    int AugmentationRatio,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<IReadOnlyList<int>> Counts,
    int RunCount,
    IReadOnlyList<double> PerClassAccuracy);
