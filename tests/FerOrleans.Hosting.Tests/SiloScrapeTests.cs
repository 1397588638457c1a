using FerOrleans.Contracts.Runs;

namespace FerOrleans.Hosting.Tests;

[Collection(ScrapedSiloCollection.Name)]
public sealed class SiloScrapeTests(ScrapedSilo silo)
{
    [Fact]
    public void Run_WhileTraining_ExposesRunLevelGaugesWithBoundedLabels()
    {
        var runIds = silo.Finished.Runs.Select(r => r.Definition.RunId).ToArray();
        foreach (var name in new[] { "fer_run_epoch", "fer_run_loss", "fer_run_learning_rate",
                     "fer_run_throughput_per_second", "fer_run_progress", "fer_run_eta_seconds" })
        {
            var line = Assert.Single(ScrapeText.Lines(silo.ActiveScrape, name));
            Assert.Contains(runIds, id => line.Contains($"run=\"{id}\""));
            Assert.Contains("sweep=\"observe\"", line);
            Assert.Contains("approach=\"SC(c<-a)\"", line);
        }
        Assert.Contains(ScrapeText.Lines(silo.ActiveScrape, "fer_slots"), l => l.Contains("state=\"busy\"") && l.EndsWith(" 1"));
    }

    [Fact]
    public void Run_AfterItEnds_RemovesRunLevelSeries()
    {
        Assert.All(silo.Finished.Runs, run => Assert.Equal(RunState.Completed, run.State));
        Assert.All(silo.Finished.Runs, run => Assert.DoesNotContain(run.Definition.RunId, silo.FinishedScrape));
        Assert.Contains(ScrapeText.Lines(silo.FinishedScrape, "fer_runs"), l => l.Contains("state=\"Completed\"") && l.EndsWith(" 2"));
        Assert.Contains(ScrapeText.Lines(silo.FinishedScrape, "fer_slots"), l => l.Contains("state=\"idle\"") && l.EndsWith(" 1"));
    }

    [Fact]
    public void Histograms_CarryNoRunIdAndSecondBuckets()
    {
        var histograms = new[] { "fer_checkpoint_write_duration_seconds_bucket", "fer_storage_operation_duration_seconds_bucket" };
        foreach (var name in histograms)
        {
            var lines = ScrapeText.Lines(silo.FinishedScrape, name);
            Assert.NotEmpty(lines);
            Assert.All(lines, l => Assert.DoesNotContain("run=", l));
            Assert.Contains(lines, l => l.Contains("le=\"0.01\""));
        }
        Assert.Contains(ScrapeText.Lines(silo.FinishedScrape, "fer_storage_operation_duration_seconds_count"),
            l => l.Contains("operation=\"put\"") && l.Contains("backend=\"local\"") && l.Contains("outcome=\"ok\""));
        var checkpoints = ScrapeText.Lines(silo.FinishedScrape, "fer_checkpoint_write_size_bytes_count");
        // 4 contrastive and 2 probe epochs, one checkpoint each, for each of the 2 runs.
        Assert.EndsWith(" 12", Assert.Single(checkpoints));
    }

    [Fact]
    public void Scrape_ContainsOrleansAndRuntimeFamilies()
    {
        var names = ScrapeText.MetricNames(silo.FinishedScrape);

        Assert.True(names.Count(n => n.StartsWith("orleans_", StringComparison.Ordinal)) >= 20,
            "expected the Microsoft.Orleans meter's families: " + string.Join(", ", names));
        Assert.Contains(names, n => n.StartsWith("dotnet_gc_", StringComparison.Ordinal));
        // The view in AddFerMetrics gives Orleans' millisecond histograms sub-millisecond buckets.
        Assert.Contains(ScrapeText.Lines(silo.FinishedScrape, "orleans_app_requests_latency_milliseconds_bucket"),
            l => l.Contains("le=\"0.5\""));
        Assert.Contains(names, n => n.StartsWith("dotnet_process_", StringComparison.Ordinal));
    }
}
