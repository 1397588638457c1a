namespace FerOrleans.Reporting;

/// <summary>Sums the test confusion matrices of the completed runs of each configuration.</summary>
internal static class ConfusionSummation
{
    /// <summary>
    /// Returns one matrix per configuration with at least one usable run that has a matrix, in the order of
    /// <paramref name="cells"/>. Classes are matched by name, so runs whose outputs are ordered differently still
    /// add up; a class missing from a run counts zero images there.
    /// </summary>
    public static IReadOnlyList<ConfusionReport> Sum(IReadOnlyList<CellReport> cells, IReadOnlyList<RunRecord> runs)
    {
        List<ConfusionReport> reports = [];
        foreach (CellReport cell in cells)
        {
            RunRecord[] withMatrix = [.. runs.Where(run => run.IsUsable()
                && run.Approach == cell.Approach
                && run.TrainFraction == cell.TrainFraction
                && run.AugmentationRatio == cell.AugmentationRatio
                && run.TestConfusion is { Count: > 0 }
                && run.ClassNames is { Count: > 0 })];
            if (withMatrix.Length > 0)
            {
                reports.Add(SumCell(cell, withMatrix));
            }
        }

        return reports;
    }

    private static ConfusionReport SumCell(CellReport cell, RunRecord[] runs)
    {
        List<string> classes = [];
        foreach (RunRecord run in runs)
        {
            classes.AddRange(run.ClassNames!.Where(name => !classes.Contains(name)));
        }

        int[][] counts = [.. classes.Select(_ => new int[classes.Count])];
        foreach (RunRecord run in runs)
        {
            int[] index = [.. run.ClassNames!.Select(name => classes.IndexOf(name))];
            for (int row = 0; row < index.Length; row++)
            {
                for (int column = 0; column < index.Length; column++)
                {
                    counts[index[row]][index[column]] += run.TestConfusion![row][column];
                }
            }
        }

        double[] perClass = [.. counts.Select((row, i) => row.Sum() == 0 ? double.NaN : (double)row[i] / row.Sum())];
        return new ConfusionReport(cell.Approach, cell.TrainFraction, cell.AugmentationRatio, classes,
            [.. counts.Select(row => (IReadOnlyList<int>)row)], runs.Length, perClass);
    }
}
