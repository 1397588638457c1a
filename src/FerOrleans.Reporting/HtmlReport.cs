using System.Globalization;
using System.Text;

namespace FerOrleans.Reporting;

/// <summary>
/// Renders a <see cref="SweepReportModel"/> as report.html: one self-contained page with inline CSS that shows
/// the PNG figures by file name, relative to the page, so the page and its PNGs move together as one folder.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body { font-family: sans-serif; margin: 2em auto; max-width: 80em; color: #222; }
        table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
        th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; text-align: left; }
        th { background: #eee; }
        tbody tr:nth-child(even) { background: #f7f7f7; }
        figure { margin: 1em 0; }
        figcaption { font-size: 0.9em; color: #555; }
        img { max-width: 100%; border: 1px solid #ddd; }
        .banner { background: #fdd; border: 2px solid #c00; padding: 0.5em; font-weight: bold; }
        .confusions { display: flex; flex-wrap: wrap; gap: 1em; }
        .confusions figure { width: 30em; }
        """;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Renders the page with "\n" line ends; equal inputs give byte-equal pages.</summary>
    public static string Render(SweepReportModel model, IReadOnlyList<ReportFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(figures);
        StringBuilder html = new();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Sweep report: ")
            .Append(Encode(model.SweepName)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n")
            .Append("<body>\n");
        AppendHeader(html, model);
        Heading(html, 2, "Accuracy");
        Paragraph(html, MarkdownReport.AccuracyLegend);
        foreach (ReportFigure figure in figures.Where(figure => figure.Confusion is null))
        {
            AppendFigure(html, figure);
        }

        foreach (double fraction in model.TrainFractions)
        {
            AppendSplit(html, model, fraction);
        }

        HtmlComparisons.Append(html, model);
        HtmlConfusions.Append(html, model, figures);
        AppendIncompleteRuns(html, model);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Appends an encoded heading.</summary>
    internal static void Heading(StringBuilder html, int level, string text) =>
        html.Append(Invariant, $"<h{level}>").Append(Encode(text)).Append(Invariant, $"</h{level}>\n");

    /// <summary>Appends an encoded paragraph.</summary>
    internal static void Paragraph(StringBuilder html, string text) =>
        html.Append("<p>").Append(Encode(text)).Append("</p>\n");

    /// <summary>Appends the figure's image, by its relative file name, with its caption.</summary>
    internal static void AppendFigure(StringBuilder html, ReportFigure figure)
    {
        string title = Encode(figure.Title);
        html.Append("<figure><img src=\"").Append(Uri.EscapeDataString(figure.FileName)).Append("\" alt=\"")
            .Append(title).Append("\"><figcaption>").Append(title).Append("</figcaption></figure>\n");
    }

    private static string Encode(string text) => HtmlText.Encode(text);

    private static void AppendHeader(StringBuilder html, SweepReportModel model)
    {
        Heading(html, 1, "Sweep report: " + model.SweepName);
        if (model.Synthetic)
        {
            html.Append("<p class=\"banner\">").Append(Encode(MarkdownReport.SyntheticBanner)).Append("</p>\n");
        }

        int usable = model.Runs.Count - model.IncompleteRuns.Count;
        HtmlTable table = new("field", "value");
        table.AddRow("sweep id", model.SweepId);
        table.AddRow("data set A", model.DatasetA);
        table.AddRow("data set B", model.DatasetB ?? "none");
        table.AddRow("generated (UTC)",
            model.GeneratedUtc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant));
        table.AddRow("runs", string.Create(Invariant, $"{model.Runs.Count} ({usable} completed with a test "
            + $"accuracy, {model.IncompleteRuns.Count} failed or unfinished)"));
        foreach ((string key, string value) in model.Settings)
        {
            table.AddRow(key, value);
        }

        html.Append(table);
    }

    private static void AppendSplit(StringBuilder html, SweepReportModel model, double fraction)
    {
        Heading(html, 2, "Training split " + ReportFormat.Split(fraction));
        Heading(html, 3, "Test accuracy (%)");
        html.Append(AccuracyTable(model, fraction, cell => cell.Test, boldBest: true));
        Heading(html, 3, "Validation accuracy (%)");
        html.Append(AccuracyTable(model, fraction, cell => cell.Validation, boldBest: false));
    }

    // With boldBest, the approach with the best mean test accuracy at each ratio is bold.
    private static HtmlTable AccuracyTable(
        SweepReportModel model, double fraction, Func<CellReport, SampleSummary> select, bool boldBest)
    {
        CellReport[] cells = [.. model.Cells.Where(cell => cell.TrainFraction == fraction)];
        string[] approaches = [.. model.Approaches.Where(approach => cells.Any(cell => cell.Approach == approach))];
        int[] ratios = [.. model.AugmentationRatios.Where(ratio => cells.Any(cell => cell.AugmentationRatio == ratio))];
        HtmlTable table = new(["approach", .. ratios.Select(ReportFormat.Ratio)]);
        foreach (string approach in approaches)
        {
            IEnumerable<(string, bool)> entries = ratios.Select(ratio =>
            {
                CellReport? cell = cells.FirstOrDefault(
                    candidate => candidate.Approach == approach && candidate.AugmentationRatio == ratio);
                bool best = boldBest && model.Comparisons.Any(comparison => comparison.TrainFraction == fraction
                    && comparison.AugmentationRatio == ratio && comparison.Best == approach);
                return cell is null ? ("no runs", false) : (ReportFormat.Cell(select(cell), cell), best);
            });
            table.AddRow([(approach, false), .. entries]);
        }

        return table;
    }

    private static void AppendIncompleteRuns(StringBuilder html, SweepReportModel model)
    {
        Heading(html, 2, "Failed or unfinished runs");
        if (model.IncompleteRuns.Count == 0)
        {
            Paragraph(html, "None.");
            return;
        }

        HtmlTable table = new("run", "approach", "split", "ratio", "repetition", "seed", "state", "error");
        foreach (RunRecord run in model.IncompleteRuns)
        {
            table.AddRow(
                run.RunId,
                run.Approach,
                ReportFormat.Split(run.TrainFraction),
                ReportFormat.Ratio(run.AugmentationRatio),
                run.Repetition.ToString(Invariant),
                run.Seed.ToString(Invariant),
                run.State,
                run.Error ?? (run.State == RunStates.Completed ? "completed without a test accuracy" : ""));
        }

        html.Append(table);
    }
}
