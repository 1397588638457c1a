using System.Globalization;
using System.Text;

namespace FerOrleans.Reporting;

/// <summary>The test sections of report.html: Table 1 analogue, best vs runner-up and requested pairs.</summary>
internal static class HtmlComparisons
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Appends the sections; the requested pairs section only when pairs were requested.</summary>
    public static void Append(StringBuilder html, SweepReportModel model)
    {
        AppendTable1(html, model);
        AppendBestVersusRunnerUp(html, model);
        AppendPairs(html, model);
    }

    private static void AppendTable1(StringBuilder html, SweepReportModel model)
    {
        HtmlReport.Heading(html, 2, "Table 1 analogue");
        HtmlReport.Paragraph(html, "Mean test accuracy ± standard deviation (%) (completed repetitions) of every "
            + "approach at the largest augmentation ratio of each split, best per split in bold, then best and "
            + "runner-up with the one-sided Mann-Whitney U p-value, laid out as Table 1 of Virgolin et al. 2022 "
            + "(arXiv 2202.05187).");
        HtmlTable matrix = new(["approach", .. model.Table1.Select(row =>
            $"{ReportFormat.Split(row.TrainFraction)} ({ReportFormat.Ratio(row.AugmentationRatio)})")]);
        foreach (string approach in Table1Layout.Approaches(model))
        {
            matrix.AddRow([(approach, false), .. model.Table1.Select(row =>
            {
                CellReport? cell = Table1Layout.Cell(model, approach, row);
                return cell is null ? ("", false) : (ReportFormat.MeanAndDeviation(cell.Test), approach == row.Best);
            })]);
        }

        html.Append(matrix);
        HtmlTable table = new("training split", "ratio", "best", "accuracy", "runner-up", "accuracy", "p");
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

        html.Append(table);
    }

    private static void AppendBestVersusRunnerUp(StringBuilder html, SweepReportModel model)
    {
        HtmlReport.Heading(html, 2, "Best vs runner-up");
        HtmlReport.Paragraph(html, "Best and runner-up by mean test accuracy. U and p: one-sided Mann-Whitney U "
            + "test of the test accuracies (alternative: best > runner-up), computed as scipy 1.10 mannwhitneyu "
            + "with method \"auto\"." + (model.Holm ? " p (Holm) adjusts over all rows of this table." : ""));
        string[] holmHeader = model.Holm ? ["p (Holm)"] : [];
        HtmlTable table = new(
            ["split", "ratio", "best", "accuracy", "runner-up", "accuracy", "U", "p", .. holmHeader, "method", "note"]);
        foreach (ComparisonReport comparison in model.Comparisons)
        {
            string[] holm = model.Holm ? [PValue(comparison.HolmP)] : [];
            table.AddRow([
                ReportFormat.Split(comparison.TrainFraction),
                ReportFormat.Ratio(comparison.AugmentationRatio),
                comparison.Best,
                ReportFormat.Summary(comparison.BestTest),
                comparison.RunnerUp ?? "none",
                comparison.RunnerUpTest is null ? "" : ReportFormat.Summary(comparison.RunnerUpTest),
                comparison.U?.ToString("0.#", Invariant) ?? "",
                PValue(comparison.P),
                .. holm,
                comparison.Method?.ToString().ToLowerInvariant() ?? "",
                comparison.Note ?? ""]);
        }

        html.Append(table);
    }

    private static void AppendPairs(StringBuilder html, SweepReportModel model)
    {
        if (model.PairComparisons.Count == 0)
        {
            return;
        }

        HtmlReport.Heading(html, 2, "Requested comparisons");
        HtmlReport.Paragraph(html, "Mann-Whitney U test of the test accuracies of each requested pair (U of the "
            + "first approach), at every split and ratio where both have runs."
            + (model.Holm ? " p (Holm) adjusts over all rows of this table." : ""));
        string[] holmHeader = model.Holm ? ["p (Holm)"] : [];
        HtmlTable table = new([
            "first", "second", "split", "ratio", "first accuracy", "second accuracy", "alternative", "U", "p",
            .. holmHeader, "method", "note"]);
        foreach (PairComparisonReport pair in model.PairComparisons)
        {
            string[] holm = model.Holm ? [PValue(pair.HolmP)] : [];
            table.AddRow([
                pair.First,
                pair.Second,
                ReportFormat.Split(pair.TrainFraction),
                ReportFormat.Ratio(pair.AugmentationRatio),
                ReportFormat.Summary(pair.FirstTest),
                ReportFormat.Summary(pair.SecondTest),
                ReportFormat.AlternativeText(pair.Alternative),
                pair.U?.ToString("0.#", Invariant) ?? "",
                PValue(pair.P),
                .. holm,
                pair.Method?.ToString().ToLowerInvariant() ?? "",
                pair.Note ?? ""]);
        }

        html.Append(table);
    }

    private static string PValue(double? p) => p is double value ? ReportFormat.PValue(value) : "";
}
