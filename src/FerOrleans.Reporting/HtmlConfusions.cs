using System.Globalization;
using System.Text;

namespace FerOrleans.Reporting;

/// <summary>The per-class sections of report.html: per-class accuracy and the confusion matrix figures.</summary>
internal static class HtmlConfusions
{
    /// <summary>Appends the sections when the model has confusion matrices.</summary>
    public static void Append(StringBuilder html, SweepReportModel model, IReadOnlyList<ReportFigure> figures)
    {
        if (model.Confusions.Count == 0)
        {
            return;
        }

        IReadOnlyList<string> classes = PerClassAccuracy.Classes(model);
        HtmlReport.Heading(html, 2, "Per-class test accuracy (%)");
        HtmlReport.Paragraph(html, "Per true class, the share of its test images predicted correctly (recall), "
            + "from the confusion matrix summed over the completed runs; \"all\" is the share over all test images.");
        HtmlTable table = new(["approach", "split", "ratio", "runs", .. classes, "all"]);
        foreach (ConfusionReport confusion in model.Confusions)
        {
            table.AddRow([
                confusion.Approach,
                ReportFormat.Split(confusion.TrainFraction),
                ReportFormat.Ratio(confusion.AugmentationRatio),
                confusion.RunCount.ToString(CultureInfo.InvariantCulture),
                .. classes.Select(name => ReportFormat.Percent(PerClassAccuracy.Of(confusion, name))),
                ReportFormat.Percent(PerClassAccuracy.Overall(confusion))]);
        }

        html.Append(table);
        HtmlReport.Heading(html, 2, "Test confusion matrices");
        HtmlReport.Paragraph(html, "Test images per true class (rows) and predicted class (columns), summed over "
            + "the completed runs of each configuration. The counts are in results.json and report.md.");
        html.Append("<div class=\"confusions\">\n");
        foreach (ReportFigure figure in figures.Where(figure => figure.Confusion is not null))
        {
            HtmlReport.AppendFigure(html, figure);
        }

        html.Append("</div>\n");
    }
}
