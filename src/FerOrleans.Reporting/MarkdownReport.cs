using System.Globalization;
using System.Text;

namespace FerOrleans.Reporting;

/// <summary>Renders a <see cref="SweepReportModel"/> as the Markdown text of report.md.</summary>
public static class MarkdownReport
{
    /// <summary>The banner shown near the top of a report on synthetic data.</summary>
    public const string SyntheticBanner = "SYNTHETIC DATA: these numbers say nothing about real faces";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The legend of the accuracy entries, shared with the HTML page.</summary>
    public const string AccuracyLegend =
        "Accuracy in percent: mean ± sample standard deviation [95% Student t confidence interval of the mean] "
        + "(completed repetitions). With 1 repetition there is no standard deviation or interval. Where runs of a "
        + "configuration failed or are unfinished, the count reads \"n of m\" and says why.";

    /// <summary>Renders the report without figures, as <see cref="Render(SweepReportModel, IReadOnlyList{ReportFigure})"/>.</summary>
    public static string Render(SweepReportModel model) => Render(model, []);

    /// <summary>
    /// Renders the report with "\n" line ends, so equal models give byte-equal files. Each figure is linked by its
    /// file name, relative to the folder of report.md.
    /// </summary>
    public static string Render(SweepReportModel model, IReadOnlyList<ReportFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(figures);
        StringBuilder text = new();
        AppendHeader(text, model);
        AppendSettings(text, model);
        text.Append(AccuracyLegend).Append("\n\n");
        ReportFigure? accuracy = figures.FirstOrDefault(figure => figure.Confusion is null);
        if (accuracy is not null)
        {
            text.Append("![").Append(accuracy.Title).Append("](").Append(accuracy.FileName).Append(")\n\n");
        }

        foreach (double fraction in model.TrainFractions)
        {
            AppendSplit(text, model, fraction);
        }

        MarkdownComparisons.Append(text, model);
        MarkdownConfusions.Append(text, model, figures);
        AppendIncompleteRuns(text, model);
        return text.ToString();
    }

    private static void AppendHeader(StringBuilder text, SweepReportModel model)
    {
        text.Append("# Sweep report: ").Append(model.SweepName).Append("\n\n");
        if (model.Synthetic)
        {
            text.Append("**").Append(SyntheticBanner).Append("**\n\n");
        }

        int usable = model.Runs.Count - model.IncompleteRuns.Count;
        text.Append("- Sweep id: ").Append(model.SweepId).Append('\n')
            .Append("- Data set A: ").Append(model.DatasetA).Append('\n')
            .Append("- Data set B: ").Append(model.DatasetB ?? "none").Append('\n')
            .Append("- Generated (UTC): ")
            .Append(model.GeneratedUtc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant))
            .Append('\n')
            .Append(Invariant, $"- Runs: {model.Runs.Count} ({usable} completed with a test accuracy, ")
            .Append(Invariant, $"{model.IncompleteRuns.Count} failed or unfinished)\n\n");
    }

    private static void AppendSettings(StringBuilder text, SweepReportModel model)
    {
        text.Append("## Settings\n\n");
        if (model.Settings.Count == 0)
        {
            text.Append("None recorded.\n\n");
            return;
        }

        MarkdownTable table = new("setting", "value");
        foreach ((string key, string value) in model.Settings)
        {
            table.AddRow(key, value);
        }

        text.Append(table).Append('\n');
    }

    private static void AppendSplit(StringBuilder text, SweepReportModel model, double fraction)
    {
        text.Append("## Training split ").Append(ReportFormat.Split(fraction)).Append("\n\n");
        text.Append("### Test accuracy (%)\n\n").Append(AccuracyTable(model, fraction, cell => cell.Test)).Append('\n');
        text.Append("### Validation accuracy (%)\n\n")
            .Append(AccuracyTable(model, fraction, cell => cell.Validation)).Append('\n');
    }

    // Rows are the approaches and columns the ratios with runs at this split, in model order. A configuration
    // without any run shows "no runs".
    private static MarkdownTable AccuracyTable(
        SweepReportModel model, double fraction, Func<CellReport, SampleSummary> select)
    {
        CellReport[] cells = [.. model.Cells.Where(cell => cell.TrainFraction == fraction)];
        string[] approaches = [.. model.Approaches.Where(approach => cells.Any(cell => cell.Approach == approach))];
        int[] ratios = [.. model.AugmentationRatios.Where(ratio => cells.Any(cell => cell.AugmentationRatio == ratio))];

        MarkdownTable table = new(["approach", .. ratios.Select(ReportFormat.Ratio)]);
        foreach (string approach in approaches)
        {
            IEnumerable<string> entries = ratios.Select(ratio =>
            {
                CellReport? cell = cells.FirstOrDefault(
                    candidate => candidate.Approach == approach && candidate.AugmentationRatio == ratio);
                return cell is null ? "no runs" : ReportFormat.Cell(select(cell), cell);
            });
            table.AddRow([approach, .. entries]);
        }

        return table;
    }

    private static void AppendIncompleteRuns(StringBuilder text, SweepReportModel model)
    {
        text.Append("## Failed or unfinished runs\n\n");
        if (model.IncompleteRuns.Count == 0)
        {
            text.Append("None.\n");
            return;
        }

        MarkdownTable table = new("run", "approach", "split", "ratio", "repetition", "seed", "state", "error");
        foreach (RunRecord run in model.IncompleteRuns)
        {
            string error = run.Error ?? (run.State == RunStates.Completed ? "completed without a test accuracy" : "");
            table.AddRow(
                run.RunId,
                run.Approach,
                ReportFormat.Split(run.TrainFraction),
                ReportFormat.Ratio(run.AugmentationRatio),
                run.Repetition.ToString(Invariant),
                run.Seed.ToString(Invariant),
                run.State,
                error);
        }

        text.Append(table);
    }
}
