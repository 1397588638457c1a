namespace FerOrleans.Reporting;

/// <summary>Tests the requested approach pairs at every split and ratio where both approaches have runs.</summary>
internal static class PairwiseComparisons
{
    /// <summary>
    /// Resolves each pair's names against the sweep's approaches, then tests the pair's test accuracies at every
    /// split and ratio with runs of both. With <paramref name="options"/>.Holm the p-values are Holm-adjusted over
    /// all tests returned here.
    /// </summary>
    /// <exception cref="ArgumentException">A requested approach is not in the sweep, or a pair names one approach
    /// twice.</exception>
    public static IReadOnlyList<PairComparisonReport> Compare(
        IReadOnlyList<CellReport> cells, IReadOnlyList<string> approaches, ReportOptions options)
    {
        List<PairComparisonReport> comparisons = [];
        foreach (ApproachPair pair in options.Pairs)
        {
            string first = Resolve(pair.First, approaches);
            string second = Resolve(pair.Second, approaches);
            if (first == second)
            {
                throw new ArgumentException(
                    $"The comparison '{pair.First}' vs '{pair.Second}' names approach {first} twice; "
                    + "give two different approaches.", nameof(options));
            }

            comparisons.AddRange(ComparePair(cells, first, second, options.PairAlternative));
        }

        return options.Holm ? AddHolm(comparisons) : comparisons;
    }

    // Exact names first, then names with white space removed, as ApproachOrder matches them.
    private static string Resolve(string requested, IReadOnlyList<string> approaches)
    {
        string? exact = approaches.FirstOrDefault(approach => approach == requested);
        if (exact is not null)
        {
            return exact;
        }

        string compact = Compact(requested);
        string? loose = approaches.FirstOrDefault(approach => Compact(approach) == compact);
        return loose ?? throw new ArgumentException(
            $"Approach '{requested}' of a requested comparison is not in this sweep; the sweep has "
            + $"{string.Join(", ", approaches)}.", nameof(requested));
    }

    private static string Compact(string name) => string.Concat(name.Where(character => !char.IsWhiteSpace(character)));

    private static IEnumerable<PairComparisonReport> ComparePair(
        IReadOnlyList<CellReport> cells, string first, string second, Alternative alternative)
    {
        foreach (CellReport x in cells.Where(cell => cell.Approach == first))
        {
            CellReport? y = cells.FirstOrDefault(cell => cell.Approach == second
                && cell.TrainFraction == x.TrainFraction && cell.AugmentationRatio == x.AugmentationRatio);
            if (y is not null)
            {
                yield return Test(x, y, alternative);
            }
        }
    }

    private static PairComparisonReport Test(CellReport x, CellReport y, Alternative alternative)
    {
        PairComparisonReport untested = new(x.Approach, y.Approach, x.TrainFraction, x.AugmentationRatio,
            x.Test, y.Test, alternative, null, null, null, null, null);
        if (x.Test.N == 0 || y.Test.N == 0)
        {
            return untested with { Note = "no test: an approach has no completed run here" };
        }

        MannWhitneyResult result = MannWhitneyU.Test(x.TestAccuracies, y.TestAccuracies, alternative);
        return untested with
        {
            U = result.U,
            P = result.P,
            Method = result.Method,
            Note = SmallSampleNote.For(x.Test.N, y.Test.N, alternative),
        };
    }

    private static List<PairComparisonReport> AddHolm(List<PairComparisonReport> comparisons)
    {
        int[] tested = [.. Enumerable.Range(0, comparisons.Count).Where(i => comparisons[i].P.HasValue)];
        double[] adjusted = HolmCorrection.Adjust([.. tested.Select(i => comparisons[i].P!.Value)]);
        for (int k = 0; k < tested.Length; k++)
        {
            comparisons[tested[k]] = comparisons[tested[k]] with { HolmP = adjusted[k] };
        }

        return comparisons;
    }
}
