namespace FerOrleans.Reporting;

/// <summary>Picks the best and runner-up approach of each split and ratio and tests the difference.</summary>
internal static class BestVersusRunnerUp
{
    /// <summary>
    /// Compares, per split and ratio with at least one usable run, the two approaches with the highest mean test
    /// accuracy. With <paramref name="holm"/> it Holm-adjusts the p-values over all comparisons. Equal means are
    /// ordered by <see cref="ApproachOrder"/>.
    /// </summary>
    public static IReadOnlyList<ComparisonReport> Compare(IReadOnlyList<CellReport> cells, bool holm)
    {
        ComparisonReport[] comparisons = [.. cells
            .Where(cell => cell.Test.N >= 1)
            .GroupBy(cell => (cell.TrainFraction, cell.AugmentationRatio))
            .OrderBy(group => group.Key.TrainFraction)
            .ThenBy(group => group.Key.AugmentationRatio)
            .Select(group => CompareTopTwo([.. group
                .OrderByDescending(cell => cell.Test.Mean)
                .ThenBy(cell => cell.Approach, ApproachOrder.Instance)]))];

        return holm ? AddHolm(comparisons) : comparisons;
    }

    private static ComparisonReport CompareTopTwo(CellReport[] ranked)
    {
        CellReport best = ranked[0];
        if (ranked.Length == 1)
        {
            return new ComparisonReport(best.TrainFraction, best.AugmentationRatio, best.Approach, best.Test,
                null, null, null, null, null, null, "only one approach has test accuracies");
        }

        CellReport runnerUp = ranked[1];
        MannWhitneyResult test = MannWhitneyU.Test(best.TestAccuracies, runnerUp.TestAccuracies, Alternative.Greater);
        return new ComparisonReport(best.TrainFraction, best.AugmentationRatio, best.Approach, best.Test,
            runnerUp.Approach, runnerUp.Test, test.U, test.P, null, test.Method,
            SmallSampleNote.For(best.Test.N, runnerUp.Test.N, Alternative.Greater));
    }

    private static ComparisonReport[] AddHolm(ComparisonReport[] comparisons)
    {
        int[] tested = [.. Enumerable.Range(0, comparisons.Length).Where(i => comparisons[i].P.HasValue)];
        double[] adjusted = HolmCorrection.Adjust([.. tested.Select(i => comparisons[i].P!.Value)]);
        for (int k = 0; k < tested.Length; k++)
        {
            comparisons[tested[k]] = comparisons[tested[k]] with { HolmP = adjusted[k] };
        }

        return comparisons;
    }
}
