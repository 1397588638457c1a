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
    /// Formats a summary as "mean ± sd [ci low, ci high] (n)" in percent. The sd and interval are "n/a" when
    /// n &lt; 2, and the whole entry is "n/a (0)" when there is no value.
    /// </summary>
    public static string Summary(SampleSummary summary)
    {
        string count = "(" + summary.N.ToString(Invariant) + ")";
        if (summary.N == 0)
        {
            return $"{NotAvailable} {count}";
        }

        if (!summary.HasSpread)
        {
            return $"{Percent(summary.Mean)} ± {NotAvailable} [{NotAvailable}] {count}";
        }

        return $"{Percent(summary.Mean)} ± {Percent(summary.StandardDeviation)} "
            + $"[{Percent(summary.ConfidenceLow)}, {Percent(summary.ConfidenceHigh)}] {count}";
    }
}
