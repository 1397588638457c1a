namespace FerOrleans.Reporting.Plots;

/// <summary>The font of the figures.</summary>
internal static class PlotFonts
{
    /// <summary>
    /// DejaVu Sans, installed with most Linux distributions. OxyPlot's default, Segoe UI, exists only on Windows;
    /// where DejaVu Sans is missing too, SkiaSharp draws with the system's default typeface.
    /// </summary>
    public const string Family = "DejaVu Sans";
}
