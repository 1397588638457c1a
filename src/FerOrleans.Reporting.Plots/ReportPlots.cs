using SkiaSharp;

namespace FerOrleans.Reporting.Plots;

/// <summary>Draws the PNG figures of a sweep report with OxyPlot and writes them into the report folder.</summary>
public static class ReportPlots
{
    /// <summary>
    /// Draws every figure that <see cref="ReportFigures.For"/> lists and writes each as a PNG under its file name
    /// in <paramref name="folder"/>, creating the folder when missing. Every figure is drawn before the first file
    /// is written, so a drawing error leaves earlier figures as they were.
    /// </summary>
    /// <returns>The figures written, for the pages that show them.</returns>
    public static async Task<IReadOnlyList<ReportFigure>> WriteAsync(
        SweepReportModel model, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        IReadOnlyList<ReportFigure> figures = ReportFigures.For(model);
        List<(string Path, byte[] Png)> files = [];
        foreach (ReportFigure figure in figures)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using SKBitmap bitmap = Draw(model, figure);
            files.Add((Path.Combine(folder, figure.FileName), PngRendering.Encode(bitmap)));
        }

        Directory.CreateDirectory(folder);
        foreach ((string path, byte[] png) in files)
        {
            await File.WriteAllBytesAsync(path, png, cancellationToken);
        }

        return figures;
    }

    private static SKBitmap Draw(SweepReportModel model, ReportFigure figure) =>
        figure.Confusion is null ? AccuracyFigure.Draw(model) : ConfusionMatrixFigure.Draw(figure.Confusion);
}
