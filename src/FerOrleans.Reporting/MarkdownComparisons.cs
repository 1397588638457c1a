using System.Globalization;
using System.Text;

namespace FerOrleans.Reporting;

/// <summary>The test sections of report.md: best vs runner-up, requested pairs and the Table 1 analogue.</summary>
internal static class MarkdownComparisons
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Appends the sections; the requested pairs section only when pairs were requested.</summary>
    public static void Append(StringBuilder text, SweepReportModel model)
    {
        AppendBestVersusRunnerUp(text, model);
        AppendPairs(text, model);
        AppendTable1(text, model);
    }

    private static void AppendBestVersusRunnerUp(StringBuilder text, SweepReportModel model)
    {
        text.Append("## Best vs runner-up\n\n")
            .Append("Best and runner-up by mean test accuracy. U and p: one-sided Mann-Whitney U test of the test ")
            .Append("accuracies (alternative: best > runner-up), computed as scipy 1.10 `mannwhitneyu` with ")
            .Append("method \"auto\".")
            .Append(model.Holm ? " p (Holm) adjusts over all rows of this table." : "")
            .Append("\n\n");
        MarkdownTable table = new([
            "split", "ratio", "best", "accuracy", "runner-up", "accuracy", "U", "p",
            .. model.Holm ? ["p (Holm)"] : Array.Empty<string>(), "method", "note"]);
        foreach (ComparisonReport comparison in model.Comparisons)
        {
            table.AddRow([
                ReportFormat.Split(comparison.TrainFraction),
                ReportFormat.Ratio(comparison.AugmentationRatio),
                comparison.Best,
                ReportFormat.Summary(comparison.BestTest),
                comparison.RunnerUp ?? "none",
                comparison.RunnerUpTest is null ? "" : ReportFormat.Summary(comparison.RunnerUpTest),
                Statistic(comparison.U),
                PValue(comparison.P),
                .. model.Holm ? [PValue(comparison.HolmP)] : Array.Empty<string>(),
                comparison.Method?.ToString().ToLowerInvariant() ?? "",
                comparison.Note ?? ""]);
        }

        text.Append(table).Append('\n');
    }

    private static void AppendPairs(StringBuilder text, SweepReportModel model)
    {
        if (model.PairComparisons.Count == 0)
        {
            return;
        }

        text.Append("## Requested comparisons\n\n")
            .Append("Mann-Whitney U test of the test accuracies of each requested pair (U of the first approach), ")
            .Append("at every split and ratio where both have runs.")
            .Append(model.Holm ? " p (Holm) adjusts over all rows of this table." : "")
            .Append("\n\n");
        MarkdownTable table = new([
            "first", "second", "split", "ratio", "first accuracy", "second accuracy", "alternative", "U", "p",
            .. model.Holm ? ["p (Holm)"] : Array.Empty<string>(), "method", "note"]);
        foreach (PairComparisonReport pair in model.PairComparisons)
        {
            table.AddRow([
                pair.First,
                pair.Second,
                ReportFormat.Split(pair.TrainFraction),
                ReportFormat.Ratio(pair.AugmentationRatio),
                ReportFormat.Summary(pair.FirstTest),
                ReportFormat.Summary(pair.SecondTest),
                ReportFormat.AlternativeText(pair.Alternative),
                Statistic(pair.U),
                PValue(pair.P),
                .. model.Holm ? [PValue(pair.HolmP)] : Array.Empty<string>(),
                pair.Method?.ToString().ToLowerInvariant() ?? "",
                pair.Note ?? ""]);
        }

        text.Append(table).Append('\n');
    }

    private static void AppendTable1(StringBuilder text, SweepReportModel model)
    {
        text.Append("## Table 1 analogue\n\n")
            .Append("Mean test accuracy ± standard deviation (%) of every approach at the largest augmentation ")
            .Append("ratio of each split, best per split in bold, then best and runner-up with the one-sided ")
            .Append("Mann-Whitney U p-value, laid out as Table 1 of Virgolin et al. 2022 (arXiv 2202.05187).\n\n");
        MarkdownTable matrix = new([
            "approach", .. model.Table1.Select(row => $"{ReportFormat.Split(row.TrainFraction)} "
                + $"({ReportFormat.Ratio(row.AugmentationRatio)})")]);
        foreach (string approach in Table1Layout.Approaches(model))
        {
            matrix.AddRow([approach, .. model.Table1.Select(row => Table1Entry(model, approach, row))]);
        }

        text.Append(matrix).Append('\n');
        MarkdownTable table = new("training split", "ratio", "best", "accuracy", "runner-up", "accuracy", "p");
        foreach (Table1Row row in model.Table1)
        {
            table.AddRow(
                ReportFormat.Split(row.TrainFraction),
                ReportFormat.Ratio(row.AugmentationRatio),
                row.Best,
                ReportFormat.Percent(row.BestMeanTestAccuracy),
                row.RunnerUp ?? "none",
                row.RunnerUpMeanTestAccuracy is double accuracy ? ReportFormat.Percent(accuracy) : "",
                PValue(row.P));
        }

        text.Append(table).Append('\n');
    }

    private static string Table1Entry(SweepReportModel model, string approach, Table1Row column)
    {
        CellReport? cell = Table1Layout.Cell(model, approach, column);
        if (cell is null)
        {
            return "";
        }

        string entry = ReportFormat.MeanAndDeviation(cell.Test);
        return approach == column.Best ? "**" + entry + "**" : entry;
    }

    private static string Statistic(double? u) => u?.ToString("0.#", Invariant) ?? "";

    private static string PValue(double? p) => p is double value ? ReportFormat.PValue(value) : "";
}
