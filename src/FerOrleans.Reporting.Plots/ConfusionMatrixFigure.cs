using System.Globalization;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;
using SkiaSharp;

namespace FerOrleans.Reporting.Plots;

/// <summary>A heat map of a summed test confusion matrix with the count in every cell.</summary>
internal static class ConfusionMatrixFigure
{
    /// <summary>The width of the figure in pixels.</summary>
    public const int Width = 600;

    /// <summary>The height of the figure in pixels.</summary>
    public const int Height = 520;

    /// <summary>Draws the matrix: predicted class across, true class down with the first class on top.</summary>
    public static SKBitmap Draw(ConfusionReport confusion) => PngRendering.Render(Build(confusion), Width, Height);

    private static PlotModel Build(ConfusionReport confusion)
    {
        int classes = confusion.ClassNames.Count;
        PlotModel plot = new()
        {
            Title = $"{confusion.Approach}, split {ReportFormat.Split(confusion.TrainFraction)}, "
                + $"ratio {ReportFormat.Ratio(confusion.AugmentationRatio)}",
            Subtitle = $"test images, summed over {ReportFormat.Runs(confusion.RunCount)}",
            Background = OxyColors.White,
            DefaultFont = PlotFonts.Family,
        };
        plot.Axes.Add(ClassAxis(AxisPosition.Bottom, "predicted class", confusion.ClassNames, reversed: false));
        plot.Axes.Add(ClassAxis(AxisPosition.Left, "true class", confusion.ClassNames, reversed: true));
        plot.Axes.Add(new LinearColorAxis
        {
            Position = AxisPosition.Right,
            Title = "images",
            Minimum = 0,
            Maximum = Math.Max(1, confusion.Counts.Max(row => row.Count == 0 ? 0 : row.Max())),
            // White to a mid blue, light enough that the black counts stay readable on the darkest cell.
            Palette = OxyPalette.Interpolate(200, OxyColors.White, OxyColor.FromRgb(0x6B, 0xAE, 0xD6)),
        });

        // Data[x, y]: x is the predicted class, y the true class.
        double[,] data = new double[classes, classes];
        for (int row = 0; row < classes; row++)
        {
            for (int column = 0; column < classes; column++)
            {
                data[column, row] = confusion.Counts[row][column];
            }
        }

        plot.Series.Add(new HeatMapSeries
        {
            X0 = 0,
            X1 = classes - 1,
            Y0 = 0,
            Y1 = classes - 1,
            CoordinateDefinition = HeatMapCoordinateDefinition.Center,
            Interpolate = false,
            Data = data,
            LabelFormatString = "0",
            LabelFontSize = 0.25,
            TextColor = OxyColors.Black,
        });
        return plot;
    }

    private static LinearAxis ClassAxis(AxisPosition position, string title, IReadOnlyList<string> names, bool reversed)
    {
        return new LinearAxis
        {
            Position = position,
            Title = title,
            Minimum = -0.5,
            Maximum = names.Count - 0.5,
            MajorStep = 1,
            MinorStep = 1,
            StartPosition = reversed ? 1 : 0,
            EndPosition = reversed ? 0 : 1,
            IsPanEnabled = false,
            IsZoomEnabled = false,
            LabelFormatter = value => ClassLabel(names, value),
        };
    }

    // Ticks fall on whole numbers, one per class; any other position gets no label.
    private static string ClassLabel(IReadOnlyList<string> names, double value)
    {
        int index = (int)Math.Round(value);
        return Math.Abs(value - index) < 1e-6 && index >= 0 && index < names.Count
            ? names[index]
            : string.Empty;
    }
}
