namespace FerOrleans.Reporting;

/// <summary>Reads per-class and overall accuracy out of summed confusion matrices.</summary>
public static class PerClassAccuracy
{
    /// <summary>Returns the class names of all matrices of the model, in first-seen order.</summary>
    public static IReadOnlyList<string> Classes(SweepReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        List<string> classes = [];
        foreach (ConfusionReport confusion in model.Confusions)
        {
            classes.AddRange(confusion.ClassNames.Where(name => !classes.Contains(name)));
        }

        return classes;
    }

    /// <summary>Returns the recall of the class, or NaN when the matrix has no test image of it.</summary>
    public static double Of(ConfusionReport confusion, string className)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        int index = confusion.ClassNames.ToList().IndexOf(className);
        return index < 0 ? double.NaN : confusion.PerClassAccuracy[index];
    }

    /// <summary>Returns the share of all test images on the diagonal, or NaN for an empty matrix.</summary>
    public static double Overall(ConfusionReport confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        long total = confusion.Counts.Sum(row => row.Sum(count => (long)count));
        long correct = Enumerable.Range(0, confusion.Counts.Count).Sum(i => (long)confusion.Counts[i][i]);
        return total == 0 ? double.NaN : (double)correct / total;
    }
}
