using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace FerOrleans.Reporting.Plots;

/// <summary>
/// One panel of the accuracy figure: the accuracy of every approach at one training split against the augmentation
/// ratio, as mean line, 95% confidence band and standard deviation bars, in percent.
/// </summary>
internal static class AccuracyPanel
{
    // Approaches at one ratio are shifted apart by this share of the smallest gap between ratios.
    private const double DodgeShare = 0.02;

    /// <summary>Builds the panel of <paramref name="fraction"/> from the summaries that <paramref name="select"/>
    /// picks (validation or test), on the y range <paramref name="yRange"/> in percent.</summary>
    public static PlotModel Build(SweepReportModel model, double fraction, string measure,
        Func<CellReport, SampleSummary> select, (double Min, double Max) yRange)
    {
        PlotModel plot = new()
        {
            Title = $"Split {ReportFormat.Split(fraction)}: {measure} accuracy",
            Background = OxyColors.White,
            DefaultFont = PlotFonts.Family,
        };
        int[] ratios = [.. model.AugmentationRatios];
        double step = DodgeShare * SmallestGap(ratios);
        double dodgeExtent = step * (model.Approaches.Count - 1) / 2.0;
        plot.Axes.Add(RatioAxis(ratios, dodgeExtent));
        plot.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Left,
            Title = $"{measure} accuracy (%)",
            Minimum = yRange.Min,
            Maximum = yRange.Max,
            MajorGridlineStyle = LineStyle.Dot,
        });
        plot.Legends.Add(new Legend { LegendPosition = LegendPosition.RightTop, LegendPlacement = LegendPlacement.Outside });

        for (int index = 0; index < model.Approaches.Count; index++)
        {
            string approach = model.Approaches[index];
            CellReport[] cells = [.. model.Cells
                .Where(cell => cell.Approach == approach && cell.TrainFraction == fraction && select(cell).N > 0)
                .OrderBy(cell => cell.AugmentationRatio)];
            if (cells.Length > 0)
            {
                double dodge = (index - (model.Approaches.Count - 1) / 2.0) * step;
                AddApproach(plot, approach, ApproachColors.For(index), cells, select, dodge, step / 3);
            }
        }

        return plot;
    }

    private static void AddApproach(PlotModel plot, string approach, OxyColor color, CellReport[] cells,
        Func<CellReport, SampleSummary> select, double dodge, double bandHalfWidth)
    {
        AreaSeries band = new()
        {
            Color = OxyColors.Undefined,
            StrokeThickness = 0,
            Fill = OxyColor.FromAColor(60, color),
            RenderInLegend = false,
        };
        ScatterErrorSeries bars = new()
        {
            MarkerType = MarkerType.None,
            ErrorBarColor = color,
            ErrorBarStopWidth = 4,
            ErrorBarStrokeThickness = 1.5,
            RenderInLegend = false,
        };
        LineSeries mean = new()
        {
            Title = approach,
            Color = color,
            StrokeThickness = 2,
            MarkerType = MarkerType.Circle,
            MarkerSize = 4,
            MarkerFill = color,
        };

        foreach (CellReport cell in cells)
        {
            SampleSummary summary = select(cell);
            double x = cell.AugmentationRatio + dodge;
            mean.Points.Add(new DataPoint(x, 100 * summary.Mean));
            if (summary.HasSpread)
            {
                // An accuracy lies in [0, 100]; with few repetitions the t interval reaches past both ends.
                band.Points.Add(new DataPoint(x, Math.Clamp(100 * summary.ConfidenceHigh, 0, 100)));
                band.Points2.Add(new DataPoint(x, Math.Clamp(100 * summary.ConfidenceLow, 0, 100)));
                bars.Points.Add(new ScatterErrorPoint(x, 100 * summary.Mean, 0, 100 * summary.StandardDeviation));
            }
        }

        // A band through one point has no width, so a single interval is drawn as a narrow box around its point.
        if (band.Points.Count == 1)
        {
            DataPoint high = band.Points[0];
            DataPoint low = band.Points2[0];
            band.Points.Clear();
            band.Points2.Clear();
            band.Points.AddRange([new(high.X - bandHalfWidth, high.Y), new(high.X + bandHalfWidth, high.Y)]);
            band.Points2.AddRange([new(low.X - bandHalfWidth, low.Y), new(low.X + bandHalfWidth, low.Y)]);
        }

        plot.Series.Add(band);
        plot.Series.Add(bars);
        plot.Series.Add(mean);
    }

    private static LinearAxis RatioAxis(int[] ratios, double dodgeExtent)
    {
        double low = ratios.Length == 0 ? 0 : ratios.Min();
        double high = ratios.Length == 0 ? 1 : ratios.Max();
        // Wide enough that the outermost dodged point of each ratio stays inside the axis.
        double padding = Math.Max(Math.Max(0.5, 0.08 * (high - low)), dodgeExtent + 0.25);
        return new LinearAxis
        {
            Position = AxisPosition.Bottom,
            Title = "augmentation ratio r",
            Minimum = low - padding,
            Maximum = high + padding,
            MajorStep = ratios.Length > 1 ? double.NaN : 1,
            MajorGridlineStyle = LineStyle.Dot,
        };
    }

    private static double SmallestGap(int[] ratios)
    {
        double gap = 1;
        for (int i = 1; i < ratios.Length; i++)
        {
            gap = i == 1 ? ratios[i] - ratios[i - 1] : Math.Min(gap, ratios[i] - ratios[i - 1]);
        }

        return gap;
    }
}
