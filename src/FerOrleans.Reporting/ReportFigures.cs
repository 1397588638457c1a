using System.Globalization;
using System.Text;

namespace FerOrleans.Reporting;

/// <summary>Names the figures of a report, so the page that shows them and the code that draws them agree.</summary>
public static class ReportFigures
{
    /// <summary>The file name of the accuracy against augmentation ratio figure.</summary>
    public const string AccuracyFileName = "accuracy-vs-ratio.png";

    /// <summary>
    /// Lists the figures of the model: the accuracy figure when any configuration has a result, then one
    /// confusion matrix per entry of <see cref="SweepReportModel.Confusions"/>, in model order.
    /// </summary>
    public static IReadOnlyList<ReportFigure> For(SweepReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        List<ReportFigure> figures = [];
        if (model.Cells.Any(cell => cell.Test.N > 0 || cell.Validation.N > 0))
        {
            figures.Add(new ReportFigure(AccuracyFileName,
                "Validation and test accuracy against augmentation ratio: mean (line), 95% confidence interval "
                + "(band) and standard deviation (bars), one row per training split", null));
        }

        HashSet<string> names = new(StringComparer.Ordinal);
        foreach (ConfusionReport confusion in model.Confusions)
        {
            string stem = "confusion-" + Slug(confusion.Approach) + "-s"
                + (confusion.TrainFraction * 100.0).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', '_')
                + "-r" + confusion.AugmentationRatio.ToString(CultureInfo.InvariantCulture);
            string name = stem;
            for (int suffix = 2; !names.Add(name); suffix++)
            {
                name = stem + "-" + suffix.ToString(CultureInfo.InvariantCulture);
            }

            figures.Add(new ReportFigure(name + ".png",
                $"Test confusion matrix of {confusion.Approach}, split {ReportFormat.Split(confusion.TrainFraction)}, "
                + $"ratio {ReportFormat.Ratio(confusion.AugmentationRatio)}, summed over {ReportFormat.Runs(confusion.RunCount)}",
                confusion));
        }

        return figures;
    }

    // "SC(c<-a)" becomes "sc-c-from-a" and "SL(c+a)" becomes "sl-c-plus-a", like the run ids.
    private static string Slug(string approach)
    {
        string spelled = approach.Replace("<-", "-from-", StringComparison.Ordinal)
            .Replace("+", "-plus-", StringComparison.Ordinal);
        StringBuilder slug = new();
        foreach (char character in spelled.ToLowerInvariant())
        {
            bool keep = char.IsAsciiLetterOrDigit(character);
            if (keep || (slug.Length > 0 && slug[^1] != '-'))
            {
                slug.Append(keep ? character : '-');
            }
        }

        string text = slug.ToString().Trim('-');
        return text.Length == 0 ? "approach" : text;
    }
}
