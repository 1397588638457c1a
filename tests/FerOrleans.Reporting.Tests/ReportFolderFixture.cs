using FerOrleans.Reporting.Plots;

namespace FerOrleans.Reporting.Tests;

/// <summary>Writes the full report of <see cref="FullReportRuns"/> once into a temporary folder.</summary>
public sealed class ReportFolderFixture : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "fer-full-report-" + Guid.NewGuid().ToString("N"));

    public SweepReportModel Model { get; } = SweepReport.Build(FullReportRuns.Input(), new ReportOptions(
        [new ApproachPair(FullReportRuns.Augmented, FullReportRuns.Children)], Holm: true, Alternative.TwoSided));

    public IReadOnlyList<ReportFigure> Figures { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Figures = await ReportPlots.WriteAsync(Model, Folder);
        await SweepReportWriter.WriteAsync(Model, Folder, Figures);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
