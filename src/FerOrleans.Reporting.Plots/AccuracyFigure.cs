using SkiaSharp;

namespace FerOrleans.Reporting.Plots;

/// <summary>
/// The accuracy figure, after Figure 3 of Virgolin et al. 2022: one row of panels per training split, validation
/// accuracy on the left and test accuracy on the right, all on one y range so panels compare.
/// </summary>
internal static class AccuracyFigure
{
    /// <summary>The width of one panel in pixels.</summary>
    public const int PanelWidth = 720;

    /// <summary>The height of one panel in pixels.</summary>
    public const int PanelHeight = 440;

    /// <summary>Draws the figure; the bitmap is <see cref="PanelWidth"/> x 2 by <see cref="PanelHeight"/> x
    /// splits.</summary>
    public static SKBitmap Draw(SweepReportModel model)
    {
        (double Min, double Max) yRange = YRange(model);
        SKBitmap?[,] panels = new SKBitmap?[model.TrainFractions.Count, 2];
        try
        {
            for (int row = 0; row < model.TrainFractions.Count; row++)
            {
                double fraction = model.TrainFractions[row];
                panels[row, 0] = PngRendering.Render(
                    AccuracyPanel.Build(model, fraction, "validation", cell => cell.Validation, yRange),
                    PanelWidth, PanelHeight);
                panels[row, 1] = PngRendering.Render(
                    AccuracyPanel.Build(model, fraction, "test", cell => cell.Test, yRange), PanelWidth, PanelHeight);
            }

            return PngRendering.Compose(panels, PanelWidth, PanelHeight);
        }
        finally
        {
            foreach (SKBitmap? panel in panels)
            {
                panel?.Dispose();
            }
        }
    }

    // The range covers every mean, band and bar of both measures with 2 points of margin, within 0 to 100%.
    private static (double Min, double Max) YRange(SweepReportModel model)
    {
        List<double> values = [];
        foreach (SampleSummary summary in model.Cells.SelectMany(cell => new[] { cell.Test, cell.Validation }))
        {
            if (summary.N == 0)
            {
                continue;
            }

            values.Add(summary.Mean);
            if (summary.HasSpread)
            {
                values.AddRange([summary.ConfidenceLow, summary.ConfidenceHigh,
                    summary.Mean - summary.StandardDeviation, summary.Mean + summary.StandardDeviation]);
            }
        }

        if (values.Count == 0)
        {
            return (0, 100);
        }

        double low = Math.Max(0, 100 * values.Min() - 2);
        double high = Math.Min(100, 100 * values.Max() + 2);
        return high - low < 5 ? (Math.Max(0, low - 2.5), Math.Min(100, high + 2.5)) : (low, high);
    }
}
