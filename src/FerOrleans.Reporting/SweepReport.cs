namespace FerOrleans.Reporting;

/// <summary>Builds the statistics of a sweep from its runs.</summary>
public static class SweepReport
{
    /// <summary>
    /// Groups the usable runs (state Completed, with a test accuracy) by approach, training split and augmentation
    /// ratio, summarises each group, and compares the best and runner-up approach of each split and ratio.
    /// </summary>
    /// <exception cref="ArgumentException">A run is invalid or two usable runs repeat the same repetition.</exception>
    public static SweepReportModel Build(ReportInput input) => Build(input, ReportOptions.Default);

    /// <summary>
    /// Builds the statistics as <see cref="Build(ReportInput)"/> does, adds a test per split and ratio for each
    /// requested approach pair, sums the test confusion matrices per configuration, and Holm-adjusts the p-values
    /// when <paramref name="options"/> sets Holm.
    /// </summary>
    /// <exception cref="ArgumentException">A run is invalid, two usable runs repeat the same repetition, or a
    /// requested pair names an approach that is not in the sweep.</exception>
    public static SweepReportModel Build(ReportInput input, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        RunValidator.Validate(input.Runs);

        RunRecord[] runs = [.. input.Runs
            .OrderBy(run => run.Approach, ApproachOrder.Instance)
            .ThenBy(run => run.TrainFraction)
            .ThenBy(run => run.AugmentationRatio)
            .ThenBy(run => run.Repetition)
            .ThenBy(run => run.RunId, StringComparer.Ordinal)];

        string[] approaches = [.. runs.Select(run => run.Approach).Distinct(StringComparer.Ordinal)];
        double[] fractions = [.. runs.Select(run => run.TrainFraction).Distinct().Order()];
        int[] ratios = [.. runs.Select(run => run.AugmentationRatio).Distinct().Order()];

        CellReport[] cells = BuildCells(runs);
        IReadOnlyList<ComparisonReport> comparisons = BestVersusRunnerUp.Compare(cells, options.Holm);
        IReadOnlyList<PairComparisonReport> pairs = PairwiseComparisons.Compare(cells, approaches, options);

        return new SweepReportModel(
            input.SweepName,
            input.SweepId,
            input.DatasetA,
            input.DatasetB,
            input.Synthetic,
            input.GeneratedUtc,
            new SortedDictionary<string, string>(input.Settings.ToDictionary(), StringComparer.Ordinal),
            approaches,
            fractions,
            ratios,
            cells,
            comparisons,
            BuildTable1(comparisons),
            runs,
            [.. runs.Where(run => !run.IsUsable())],
            options.Holm,
            pairs,
            ConfusionSummation.Sum(cells, runs));
    }

    // Runs arrive sorted, so the groups and their accuracies come out in report order.
    private static CellReport[] BuildCells(IReadOnlyList<RunRecord> runs)
    {
        return [.. runs
            .GroupBy(run => (run.Approach, run.TrainFraction, run.AugmentationRatio))
            .Select(group =>
            {
                RunRecord[] usable = [.. group.Where(run => run.IsUsable())];
                int failed = group.Count(run => run.State == RunStates.Failed);
                double[] test = [.. usable.Select(run => run.TestAccuracy!.Value)];
                double[] validation = [.. usable.Where(run => run.ValidationAccuracy.HasValue)
                    .Select(run => run.ValidationAccuracy!.Value)];
                return new CellReport(
                    group.Key.Approach,
                    group.Key.TrainFraction,
                    group.Key.AugmentationRatio,
                    test,
                    validation,
                    CellStatistics.Of(test),
                    CellStatistics.Of(validation),
                    group.Count(),
                    failed,
                    group.Count() - usable.Length - failed);
            })];
    }

    // The analogue of Table 1 of Virgolin et al. 2022 uses the largest ratio that has a comparison at each split.
    private static Table1Row[] BuildTable1(IReadOnlyList<ComparisonReport> comparisons)
    {
        return [.. comparisons
            .GroupBy(comparison => comparison.TrainFraction)
            .OrderBy(group => group.Key)
            .Select(group => group.MaxBy(comparison => comparison.AugmentationRatio)!)
            .Select(comparison => new Table1Row(
                comparison.TrainFraction,
                comparison.AugmentationRatio,
                comparison.Best,
                comparison.BestTest.Mean,
                comparison.RunnerUp,
                comparison.RunnerUpTest?.Mean,
                comparison.P))];
    }
}
