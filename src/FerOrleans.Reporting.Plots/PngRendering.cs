using OxyPlot;
using OxyPlot.SkiaSharp;
using SkiaSharp;

namespace FerOrleans.Reporting.Plots;

/// <summary>Renders OxyPlot models to bitmaps and PNG bytes through OxyPlot.SkiaSharp.</summary>
internal static class PngRendering
{
    /// <summary>
    /// Renders the plot into a bitmap of the given size in pixels. Text shaping stays off because shaping needs the
    /// HarfBuzz native library, which the Linux SkiaSharp assets do not include; plain Latin labels need no shaping.
    /// </summary>
    public static SKBitmap Render(PlotModel plot, int width, int height)
    {
        PngExporter exporter = new() { Width = width, Height = height, UseTextShaping = false };
        using MemoryStream png = new();
        exporter.Export(plot, png);
        png.Position = 0;
        return SKBitmap.Decode(png)
            ?? throw new InvalidOperationException($"OxyPlot wrote a {width} x {height} PNG that SkiaSharp cannot decode.");
    }

    /// <summary>Encodes the bitmap as PNG bytes.</summary>
    public static byte[] Encode(SKBitmap bitmap)
    {
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Draws the panels onto one white bitmap, panel [row, column] at its grid position.</summary>
    public static SKBitmap Compose(SKBitmap?[,] panels, int panelWidth, int panelHeight)
    {
        int rows = panels.GetLength(0);
        int columns = panels.GetLength(1);
        SKBitmap figure = new(columns * panelWidth, rows * panelHeight);
        using SKCanvas canvas = new(figure);
        canvas.Clear(SKColors.White);
        for (int row = 0; row < rows; row++)
        {
            for (int column = 0; column < columns; column++)
            {
                if (panels[row, column] is SKBitmap panel)
                {
                    canvas.DrawBitmap(panel, column * panelWidth, row * panelHeight);
                }
            }
        }

        return figure;
    }
}
