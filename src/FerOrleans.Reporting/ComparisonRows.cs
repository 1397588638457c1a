using System.Globalization;

namespace FerOrleans.Reporting;

/// <summary>
/// Headers, rows and captions of the test tables that report.md and report.html both show, so the two
/// pages give the same cells and only their markup differs.
/// </summary>
internal static class ComparisonRows
{
    public const string Table1Caption = "Mean test accuracy ± standard deviation (%) (completed repetitions) of "
        + "every approach at the largest augmentation ratio of each split, best per split in bold, then best and "
        + "runner-up with the one-sided Mann-Whitney U p-value, laid out as Table 1 of Virgolin et al. 2022 "
        + "(arXiv 2202.05187).";

    public static readonly string[] Table1Header =
        ["training split", "ratio", "best", "accuracy", "runner-up", "accuracy", "p"];

    private const string HolmSentence = " p (Holm) adjusts over all rows of this table.";

    /// <summary>Returns the caption of the best vs runner-up table.</summary>
    public static string BestVersusRunnerUpCaption(bool holm) =>
        "Best and runner-up by mean test accuracy. U and p: one-sided Mann-Whitney U test of the test accuracies "
        + "(alternative: best > runner-up), computed as scipy 1.10 mannwhitneyu with method \"auto\"."
        + (holm ? HolmSentence : "");

    /// <summary>Returns the caption of the requested comparisons table.</summary>
    public static string PairsCaption(bool holm) =>
        "Mann-Whitney U test of the test accuracies of each requested pair (U of the first approach), at every "
        + "split and ratio where both have runs." + (holm ? HolmSentence : "");

    /// <summary>Returns the column names of the Table 1 matrix: one column per split and its largest ratio.</summary>
    public static string[] Table1MatrixHeader(SweepReportModel model) =>
        ["approach", .. model.Table1.Select(row =>
            $"{ReportFormat.Split(row.TrainFraction)} ({ReportFormat.Ratio(row.AugmentationRatio)})")];

    /// <summary>Returns the row of one split under the Table 1 matrix.</summary>
    public static string[] Table1Row(Table1Row row) =>
    [
        ReportFormat.Split(row.TrainFraction),
        ReportFormat.Ratio(row.AugmentationRatio),
        row.Best,
        ReportFormat.Percent(row.BestMeanTestAccuracy),
        row.RunnerUp ?? "none",
        row.RunnerUpMeanTestAccuracy is double accuracy ? ReportFormat.Percent(accuracy) : "",
        PValue(row.P),
    ];

    /// <summary>Returns the column names of the best vs runner-up table.</summary>
    public static string[] BestVersusRunnerUpHeader(bool holm) =>
        ["split", "ratio", "best", "accuracy", "runner-up", "accuracy", "U", "p", .. Holm(holm, "p (Holm)"),
            "method", "note"];

    /// <summary>Returns the row of one best vs runner-up comparison.</summary>
    public static string[] BestVersusRunnerUpRow(ComparisonReport comparison, bool holm) =>
    [
        ReportFormat.Split(comparison.TrainFraction),
        ReportFormat.Ratio(comparison.AugmentationRatio),
        comparison.Best,
        ReportFormat.Summary(comparison.BestTest),
        comparison.RunnerUp ?? "none",
        comparison.RunnerUpTest is null ? "" : ReportFormat.Summary(comparison.RunnerUpTest),
        Statistic(comparison.U),
        PValue(comparison.P),
        .. Holm(holm, PValue(comparison.HolmP)),
        comparison.Method?.ToString().ToLowerInvariant() ?? "",
        comparison.Note ?? "",
    ];

    /// <summary>Returns the column names of the requested comparisons table.</summary>
    public static string[] PairHeader(bool holm) =>
        ["first", "second", "split", "ratio", "first accuracy", "second accuracy", "alternative", "U", "p",
            .. Holm(holm, "p (Holm)"), "method", "note"];

    /// <summary>Returns the row of one requested comparison at one split and ratio.</summary>
    public static string[] PairRow(PairComparisonReport pair, bool holm) =>
    [
        pair.First,
        pair.Second,
        ReportFormat.Split(pair.TrainFraction),
        ReportFormat.Ratio(pair.AugmentationRatio),
        ReportFormat.Summary(pair.FirstTest),
        ReportFormat.Summary(pair.SecondTest),
        ReportFormat.AlternativeText(pair.Alternative),
        Statistic(pair.U),
        PValue(pair.P),
        .. Holm(holm, PValue(pair.HolmP)),
        pair.Method?.ToString().ToLowerInvariant() ?? "",
        pair.Note ?? "",
    ];

    private static string[] Holm(bool holm, string cell) => holm ? [cell] : [];

    private static string Statistic(double? u) => u?.ToString("0.#", CultureInfo.InvariantCulture) ?? "";

    private static string PValue(double? p) => p is double value ? ReportFormat.PValue(value) : "";
}
