namespace FerOrleans.Reporting.Tests;

public sealed class SweepReportWriterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fer-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task WriteAsync_SyntheticSweep_ShowsBannerAndTables()
    {
        string markdown = await WriteAndReadMarkdown(synthetic: true);

        Assert.Contains("# Sweep report: hand-made sweep", markdown);
        Assert.Contains("**" + MarkdownReport.SyntheticBanner + "**", markdown);
        Assert.Contains("## Training split 50%", markdown);
        Assert.Contains("### Test accuracy (%)", markdown);
        Assert.Contains("### Validation accuracy (%)", markdown);
        Assert.Contains("| approach | x1 | x20 |", markdown);
        Assert.Contains("| SC(c<-a) | 60.0, no sd or CI (1) | 71.0 ± 1.6 [69.0, 73.0] (5) |", markdown);
        Assert.Contains("| SL(c) | no runs | 61.0 ± 1.0 [58.5, 63.5] (3 of 4: 1 failed) |", markdown);
        Assert.Contains("| UC(c) | no runs | no result (0 of 1: 1 unfinished) |", markdown);
        Assert.Contains("## Training split 90%\n\n### Test accuracy (%)\n\n| approach | x5 |\n", markdown);
        Assert.Contains("| 50% | x20 | SC(c<-a) | 71.0 | SC(c+a) | 67.1 | .008 |", markdown);
        Assert.Contains("| stem | cifar |", markdown);
    }

    [Fact]
    public async Task WriteAsync_RealSweep_HasNoBanner()
    {
        string markdown = await WriteAndReadMarkdown(synthetic: false);

        Assert.DoesNotContain(MarkdownReport.SyntheticBanner, markdown);
        Assert.Contains("# Sweep report: hand-made sweep", markdown);
    }

    [Fact]
    public async Task WriteAsync_FailedRun_ListedWithEscapedError()
    {
        string markdown = await WriteAndReadMarkdown(synthetic: false);

        Assert.Contains("## Failed or unfinished runs", markdown);
        Assert.Contains("| Failed | CUDA out of memory \\| retried 2 times |", markdown);
        Assert.Contains("completed without a test accuracy", markdown);
    }

    [Fact]
    public async Task WriteAsync_ResultsJson_ParsesBackWithSameRuns()
    {
        SweepReportModel model = SweepReport.Build(SampleRuns.Input(synthetic: true));
        await SweepReportWriter.WriteAsync(model, _folder);

        string json = await File.ReadAllTextAsync(Path.Combine(_folder, SweepReportWriter.JsonFileName));
        SweepReportModel parsed = SweepReportJson.Deserialize(json);

        Assert.Contains("\"sweepName\": \"hand-made sweep\"", json);
        Assert.Contains("\"SC(c<-a)\"", json);
        Assert.Contains("\"method\": \"exact\"", json);
        Assert.Equal(model.Runs.Count, parsed.Runs.Count);
        Assert.Equal(model.Runs, parsed.Runs);
        Assert.Equal(model.Cells.Select(c => c.RunCount), parsed.Cells.Select(c => c.RunCount));
        Assert.Equal(model.Cells.Count, parsed.Cells.Count);
        Assert.True(parsed.Synthetic);
        CellReport single = parsed.Cells.Single(c => c.Approach == "SC(c<-a)" && c.AugmentationRatio == 1);
        Assert.True(double.IsNaN(single.Test.StandardDeviation));
    }

    [Fact]
    public async Task WriteAsync_SameModelTwice_GivesSameBytes()
    {
        SweepReportModel model = SweepReport.Build(SampleRuns.Input(synthetic: false));
        await SweepReportWriter.WriteAsync(model, _folder);
        byte[] firstMarkdown = await File.ReadAllBytesAsync(Path.Combine(_folder, SweepReportWriter.MarkdownFileName));
        byte[] firstJson = await File.ReadAllBytesAsync(Path.Combine(_folder, SweepReportWriter.JsonFileName));

        SweepReportModel rebuilt = SweepReport.Build(SampleRuns.Input(synthetic: false) with
        {
            Runs = [.. SampleRuns.Runs().Reverse()],
        });
        await SweepReportWriter.WriteAsync(rebuilt, _folder);

        byte[] secondMarkdown = await File.ReadAllBytesAsync(Path.Combine(_folder, SweepReportWriter.MarkdownFileName));
        byte[] secondJson = await File.ReadAllBytesAsync(Path.Combine(_folder, SweepReportWriter.JsonFileName));
        Assert.Equal(firstMarkdown, secondMarkdown);
        Assert.Equal(firstJson, secondJson);
    }

    private async Task<string> WriteAndReadMarkdown(bool synthetic)
    {
        SweepReportModel model = SweepReport.Build(SampleRuns.Input(synthetic));
        await SweepReportWriter.WriteAsync(model, _folder);
        return await File.ReadAllTextAsync(Path.Combine(_folder, SweepReportWriter.MarkdownFileName));
    }
}
