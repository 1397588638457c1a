using System.Text;

namespace FerOrleans.Reporting;

/// <summary>
/// Writes a sweep report folder: report.md and report.html for people, results.json and runs.csv for programs.
/// The PNG figures are drawn by the caller (FerOrleans.Reporting.Plots) before the pages that show them.
/// </summary>
public static class SweepReportWriter
{
    /// <summary>The Markdown report's file name.</summary>
    public const string MarkdownFileName = "report.md";

    /// <summary>The JSON results' file name.</summary>
    public const string JsonFileName = "results.json";

    /// <summary>The HTML page's file name.</summary>
    public const string HtmlFileName = "report.html";

    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the report without figures, as <see cref="WriteAsync(SweepReportModel, string,
    /// IReadOnlyList{ReportFigure}, CancellationToken)"/>.</summary>
    public static Task WriteAsync(
        SweepReportModel model, string folder, CancellationToken cancellationToken = default) =>
        WriteAsync(model, folder, [], cancellationToken);

    /// <summary>
    /// Writes report.md, report.html, results.json and runs.csv into the folder, creating it when missing and
    /// replacing earlier files. The pages link <paramref name="figures"/> by file name, relative to the folder.
    /// Equal models give byte-equal files.
    /// </summary>
    public static async Task WriteAsync(
        SweepReportModel model,
        string folder,
        IReadOnlyList<ReportFigure> figures,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);

        // Render everything first, so a rendering error leaves the earlier report files as they were.
        (string Name, string Text)[] files =
        [
            (MarkdownFileName, MarkdownReport.Render(model, figures)),
            (HtmlFileName, HtmlReport.Render(model, figures)),
            (JsonFileName, SweepReportJson.Serialize(model) + "\n"),
            (RunsCsv.FileName, RunsCsv.Render(model)),
        ];
        Directory.CreateDirectory(folder);
        foreach ((string name, string text) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name), text, Utf8WithoutBom, cancellationToken);
        }
    }
}
