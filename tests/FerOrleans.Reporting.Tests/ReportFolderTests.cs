using System.Text.Json;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace FerOrleans.Reporting.Tests;

public sealed partial class ReportFolderTests(ReportFolderFixture fixture) : IClassFixture<ReportFolderFixture>
{
    [Fact]
    public void WriteAsync_FullSweep_WritesEveryFile()
    {
        string[] expected =
        [
            "report.md", "report.html", "results.json", "runs.csv", "accuracy-vs-ratio.png",
            "confusion-sc-c-s70-r1.png", "confusion-sc-c-s70-r5.png",
            "confusion-sc-c-from-a-s70-r1.png", "confusion-sc-c-from-a-s70-r5.png",
        ];

        string[] written = [.. Directory.GetFiles(fixture.Folder).Select(Path.GetFileName).Order()!];

        Assert.Equal(expected.Order(), written);
    }

    [Fact]
    public void Figures_EveryPng_DecodesWithSizeAndContent()
    {
        Assert.Equal(5, fixture.Figures.Count);
        foreach (ReportFigure figure in fixture.Figures)
        {
            using SKBitmap? bitmap = SKBitmap.Decode(Path.Combine(fixture.Folder, figure.FileName));

            Assert.NotNull(bitmap);
            (int width, int height) = figure.Confusion is null ? (1440, 440) : (600, 520);
            Assert.Equal(width, bitmap.Width);
            Assert.Equal(height, bitmap.Height);
            Assert.True(LuminanceVariance(bitmap) > 100, $"{figure.FileName} looks blank");
            Assert.True(DistinctColours(bitmap) > 8, $"{figure.FileName} has too few colours for a plot");
        }
    }

    [Fact]
    public void Html_ReferencesEveryPngAndApproach()
    {
        string html = File.ReadAllText(Path.Combine(fixture.Folder, SweepReportWriter.HtmlFileName));
        string[] sources = [.. ImageSource().Matches(html).Select(match => match.Groups[1].Value)];
        string[] pngs = [.. Directory.GetFiles(fixture.Folder, "*.png").Select(Path.GetFileName)!];

        Assert.Equal(pngs.Order(), sources.Order());
        Assert.All(sources, source => Assert.True(File.Exists(Path.Combine(fixture.Folder, source))));
        Assert.Contains("<style>", html);
        Assert.DoesNotContain("<link", html);
        foreach (string approach in fixture.Model.Approaches)
        {
            Assert.Contains(approach.Replace("<", "&lt;", StringComparison.Ordinal), html);
        }
    }

    [Fact]
    public void Html_Table1_BoldsBestOfSplit()
    {
        string html = File.ReadAllText(Path.Combine(fixture.Folder, SweepReportWriter.HtmlFileName));

        // SC(c<-a) at 70%, ratio 5: the reference x has mean 73.1% and sd 2.1%.
        Assert.Contains("<td><strong>73.1 ± 2.1 (5)</strong></td>", html);
        Assert.Contains("<td>69.6 ± 1.4 (7)</td>", html);
    }

    [Fact]
    public void Markdown_PartialCellAndHolm_AreSaid()
    {
        string markdown = File.ReadAllText(Path.Combine(fixture.Folder, SweepReportWriter.MarkdownFileName));

        Assert.Contains("| SC(c) | 58.0, no sd or CI (1 of 3: 1 failed, 1 unfinished) |", markdown);
        Assert.Contains("| **73.1 ± 2.1 (5)** |", markdown);
        Assert.Contains("## Requested comparisons", markdown);
        Assert.Contains("p (Holm)", markdown);
        Assert.Contains("![Test confusion matrix of SC(c<-a)", markdown);
        Assert.Contains("| happy | 15 | 5 |", markdown);
        Assert.Contains("| SC(c<-a) | 70% | x5 | 75.0 | 100.0 | 87.5 |", markdown);
    }

    [Fact]
    public void ResultsJson_HasNoNaNAndParsesBack()
    {
        string json = File.ReadAllText(Path.Combine(fixture.Folder, SweepReportWriter.JsonFileName));

        using JsonDocument document = JsonDocument.Parse(json);
        SweepReportModel parsed = SweepReportJson.Deserialize(json);

        Assert.DoesNotMatch(NonFiniteNumber(), json);
        Assert.Equal(fixture.Model.Runs.Count, document.RootElement.GetProperty("runs").GetArrayLength());
        Assert.Equal(fixture.Model.Confusions.Count, parsed.Confusions.Count);
        Assert.Equal([15, 5], parsed.Confusions.Single(c => c.Approach == "SC(c<-a)" && c.AugmentationRatio == 5)
            .Counts[0]);
        Assert.True(double.IsNaN(parsed.Cells.Single(c => c.Approach == "SC(c)" && c.AugmentationRatio == 1)
            .Test.StandardDeviation));
    }

    [Fact]
    public void RunsCsv_ParsesBackToSameRuns()
    {
        string csv = File.ReadAllText(Path.Combine(fixture.Folder, RunsCsv.FileName));

        IReadOnlyList<RunRecord> parsed = RunsCsv.ParseRuns(csv);

        Assert.Equal(fixture.Model.Runs.Count, parsed.Count);
        for (int i = 0; i < parsed.Count; i++)
        {
            RunRecord expected = fixture.Model.Runs[i] with { ClassNames = null, TestConfusion = null };
            Assert.Equal(expected, parsed[i]);
        }

        Assert.StartsWith("runId,approach,trainFraction,", csv);
        Assert.Contains(",spec.epochs,spec.seed,spec.stem\n", csv);
    }

    private static double LuminanceVariance(SKBitmap bitmap)
    {
        double sum = 0;
        double sumOfSquares = 0;
        int count = 0;
        for (int y = 0; y < bitmap.Height; y += 2)
        {
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                SKColor colour = bitmap.GetPixel(x, y);
                double luminance = 0.2126 * colour.Red + 0.7152 * colour.Green + 0.0722 * colour.Blue;
                sum += luminance;
                sumOfSquares += luminance * luminance;
                count++;
            }
        }

        double mean = sum / count;
        return sumOfSquares / count - mean * mean;
    }

    private static int DistinctColours(SKBitmap bitmap)
    {
        HashSet<SKColor> colours = [];
        for (int y = 0; y < bitmap.Height; y += 3)
        {
            for (int x = 0; x < bitmap.Width; x += 3)
            {
                colours.Add(bitmap.GetPixel(x, y));
            }
        }

        return colours.Count;
    }

    [GeneratedRegex("<img src=\"([^\"]+)\"")]
    private static partial Regex ImageSource();

    // A NaN or infinity written as a bare value, which JSON does not allow.
    [GeneratedRegex(@":\s*-?(NaN|Infinity)\b")]
    private static partial Regex NonFiniteNumber();
}
