using System.Text;

namespace FerOrleans.Reporting;

/// <summary>Writes a sweep report folder: report.md for people and results.json for programs.</summary>
public static class SweepReportWriter
{
    /// <summary>The Markdown report's file name.</summary>
    public const string MarkdownFileName = "report.md";

    /// <summary>The JSON results' file name.</summary>
    public const string JsonFileName = "results.json";

    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes report.md and results.json into the folder, creating it when missing and replacing earlier files.
    /// Equal models give byte-equal files.
    /// </summary>
    public static async Task WriteAsync(
        SweepReportModel model, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);

        string markdown = MarkdownReport.Render(model);
        string json = SweepReportJson.Serialize(model) + "\n";
        string markdownPath = Path.Combine(folder, MarkdownFileName);
        string jsonPath = Path.Combine(folder, JsonFileName);
        await File.WriteAllTextAsync(markdownPath, markdown, Utf8WithoutBom, cancellationToken);
        await File.WriteAllTextAsync(jsonPath, json, Utf8WithoutBom, cancellationToken);
    }
}
