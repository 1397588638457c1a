using System.Globalization;
using System.Text;

namespace FerOrleans.Reporting;

/// <summary>The per-class sections of report.md: per-class accuracy and the summed confusion matrices.</summary>
internal static class MarkdownConfusions
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Appends the sections when the model has confusion matrices, linking each matrix's figure.</summary>
    public static void Append(StringBuilder text, SweepReportModel model, IReadOnlyList<ReportFigure> figures)
    {
        if (model.Confusions.Count == 0)
        {
            return;
        }

        AppendPerClassAccuracy(text, model);
        text.Append("## Test confusion matrices\n\n")
            .Append("Test images per true class (rows) and predicted class (columns), summed over the completed ")
            .Append("runs of each configuration.\n\n");
        foreach (ConfusionReport confusion in model.Confusions)
        {
            text.Append("### ").Append(ConfusionTitle(confusion)).Append("\n\n");
            ReportFigure? figure = figures.FirstOrDefault(candidate => candidate.Confusion == confusion);
            if (figure is not null)
            {
                text.Append("![").Append(figure.Title).Append("](").Append(figure.FileName).Append(")\n\n");
            }

            MarkdownTable table = new(["true \\ predicted", .. confusion.ClassNames]);
            for (int row = 0; row < confusion.ClassNames.Count; row++)
            {
                table.AddRow([confusion.ClassNames[row],
                    .. confusion.Counts[row].Select(count => count.ToString(Invariant))]);
            }

            text.Append(table).Append('\n');
        }
    }

    /// <summary>Returns "approach, split 50%, ratio x5, 3 runs".</summary>
    public static string ConfusionTitle(ConfusionReport confusion) =>
        $"{confusion.Approach}, split {ReportFormat.Split(confusion.TrainFraction)}, "
        + $"ratio {ReportFormat.Ratio(confusion.AugmentationRatio)}, {ReportFormat.Runs(confusion.RunCount)}";

    private static void AppendPerClassAccuracy(StringBuilder text, SweepReportModel model)
    {
        IReadOnlyList<string> classes = PerClassAccuracy.Classes(model);
        text.Append("## Per-class test accuracy (%)\n\n")
            .Append("Per true class, the share of its test images predicted correctly (recall), from the summed ")
            .Append("confusion matrix; \"all\" is the share over all test images.\n\n");
        MarkdownTable table = new(["approach", "split", "ratio", .. classes, "all"]);
        foreach (ConfusionReport confusion in model.Confusions)
        {
            table.AddRow([
                confusion.Approach,
                ReportFormat.Split(confusion.TrainFraction),
                ReportFormat.Ratio(confusion.AugmentationRatio),
                .. classes.Select(name => ReportFormat.Percent(PerClassAccuracy.Of(confusion, name))),
                ReportFormat.Percent(PerClassAccuracy.Overall(confusion))]);
        }

        text.Append(table).Append('\n');
    }
}
