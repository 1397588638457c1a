using System.Globalization;

namespace FerOrleans.Reporting;

/// <summary>Number formats of the report, independent of the current culture.</summary>
public static class ReportFormat
{
    /// <summary>The text shown where a statistic needs more repetitions than there are.</summary>
    public const string NotAvailable = "n/a";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Formats a fraction as percent with one decimal: 0.7071 becomes "70.7".</summary>
    public static string Percent(double fraction) =>
        double.IsFinite(fraction) ? (fraction * 100.0).ToString("F1", Invariant) : NotAvailable;

    /// <summary>Formats a training split as percent without trailing zeros: 0.5 becomes "50%".</summary>
    public static string Split(double fraction) => (fraction * 100.0).ToString("0.#", Invariant) + "%";

    /// <summary>Formats an augmentation ratio as Virgolin et al. 2022 do: 20 becomes "x20".</summary>
    public static string Ratio(int ratio) => "x" + ratio.ToString(Invariant);

    /// <summary>
    /// Formats a p-value with three decimals and no leading zero, as Virgolin et al. 2022 do: 0.0612 becomes ".061".
    /// Values below 0.001 become "&lt;.001" and 1 becomes "1.000".
    /// </summary>
    public static string PValue(double p)
    {
        if (double.IsNaN(p))
        {
            return NotAvailable;
        }

        if (p < 0.001)
        {
            return "<.001";
        }

        string text = p.ToString("0.000", Invariant);
        return text.StartsWith("0.", StringComparison.Ordinal) ? text[1..] : text;
    }

    /// <summary>
    /// Formats a summary as "mean ± sd [ci low, ci high] (n)" in percent. With n = 1 it is "mean, no sd or CI (1)",
    /// because a standard deviation and interval need 2 values, and with n = 0 it is "no result (0)".
    /// </summary>
    public static string Summary(SampleSummary summary) =>
        Estimate(summary) + " (" + summary.N.ToString(Invariant) + ")";

    /// <summary>
    /// Formats the summary of one configuration as <see cref="Summary"/> does, and when runs are missing from it,
    /// adds how many there are and why: "61.0 ± 1.0 [58.5, 63.5] (3 of 4: 1 failed)".
    /// </summary>
    public static string Cell(SampleSummary summary, CellReport cell)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(cell);
        if (summary.N == cell.RunCount)
        {
            return Summary(summary);
        }

        List<string> missing = [];
        if (cell.FailedCount > 0)
        {
            missing.Add(cell.FailedCount.ToString(Invariant) + " failed");
        }

        if (cell.UnfinishedCount > 0)
        {
            missing.Add(cell.UnfinishedCount.ToString(Invariant) + " unfinished");
        }

        int withoutValue = cell.RunCount - summary.N - cell.FailedCount - cell.UnfinishedCount;
        if (withoutValue > 0)
        {
            missing.Add(withoutValue.ToString(Invariant) + " without this accuracy");
        }

        return $"{Estimate(summary)} ({summary.N.ToString(Invariant)} of {cell.RunCount.ToString(Invariant)}: "
            + string.Join(", ", missing) + ")";
    }

    /// <summary>Formats a run count with its noun: "1 run", "3 runs".</summary>
    public static string Runs(int count) => count.ToString(Invariant) + (count == 1 ? " run" : " runs");

    /// <summary>Formats "mean ± sd (n)" in percent, or "mean (1)" when n = 1, for compact tables.</summary>
    public static string MeanAndDeviation(SampleSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        string count = " (" + summary.N.ToString(Invariant) + ")";
        return summary.HasSpread
            ? $"{Percent(summary.Mean)} ± {Percent(summary.StandardDeviation)}{count}"
            : Percent(summary.Mean) + count;
    }

    /// <summary>Names the alternative hypothesis for the first sample: "first > second", "first < second" or
    /// "two-sided".</summary>
    public static string AlternativeText(Alternative alternative) => alternative switch
    {
        Alternative.Greater => "first > second",
        Alternative.Less => "first < second",
        _ => "two-sided",
    };

    private static string Estimate(SampleSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.N switch
        {
            0 => "no result",
            1 => $"{Percent(summary.Mean)}, no sd or CI",
            _ => $"{Percent(summary.Mean)} ± {Percent(summary.StandardDeviation)} "
                + $"[{Percent(summary.ConfidenceLow)}, {Percent(summary.ConfidenceHigh)}]",
        };
    }
}
