using System.Globalization;
using FerOrleans.Contracts.Runs;
using FerOrleans.Reporting;

namespace FerOrleans.Hosting.Tests;

/// <summary>The sweep metrics endpoint, fed with the finished sweep of <see cref="ScrapedSilo"/>.</summary>
[Collection(ScrapedSiloCollection.Name)]
public sealed class SweepScrapeTests(ScrapedSilo silo)
{
    private const string Cell = "approach=\"SC(c<-a)\",part=\"test\",ratio=\"1\",split=\"0.5\",sweep=\"observe\"";

    [Fact]
    public void SweepRuns_FinishedSweep_CountsEveryStateOnce()
    {
        var lines = ScrapeText.Lines(silo.SweepScrape, "fer_sweep_runs");

        Assert.Equal(Enum.GetValues<RunState>().Length, lines.Length);
        Assert.Contains(lines, l => l.Contains("state=\"Completed\"") && l.EndsWith(" 2"));
        Assert.Contains(lines, l => l.Contains("state=\"Failed\"") && l.EndsWith(" 0"));
        Assert.EndsWith(" 1", Assert.Single(ScrapeText.Lines(silo.SweepScrape, "fer_sweep_progress")));
    }

    [Fact]
    public void CellAccuracy_TwoRepetitions_MatchesStudentTSummary()
    {
        var test = silo.Finished.Runs.Select(r => r.Result!.TestAccuracy).ToArray();
        var expected = CellStatistics.Of(test);

        Assert.Equal(expected.Mean, Value("fer_sweep_cell_accuracy_mean"), 12);
        Assert.Equal(expected.ConfidenceLow, Value("fer_sweep_cell_accuracy_ci95_low"), 12);
        Assert.Equal(expected.ConfidenceHigh, Value("fer_sweep_cell_accuracy_ci95_high"), 12);
        Assert.EndsWith(" 2", Assert.Single(ScrapeText.Lines(silo.SweepScrape, "fer_sweep_cell_repetitions")));
    }

    private double Value(string name)
    {
        var line = Assert.Single(ScrapeText.Lines(silo.SweepScrape, name), l => l.Contains(Cell));
        return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }
}
