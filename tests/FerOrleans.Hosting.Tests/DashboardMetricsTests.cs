using System.Text.Json;

namespace FerOrleans.Hosting.Tests;

/// <summary>Every metric a dashboard queries exists in a real scrape of a silo and of the sweep metrics.</summary>
[Collection(ScrapedSiloCollection.Name)]
public sealed class DashboardMetricsTests(ScrapedSilo silo)
{
    /// <summary>Series that Prometheus writes itself for every target, never found in a /metrics scrape.</summary>
    private static readonly HashSet<string> PrometheusSeries = new(StringComparer.Ordinal) { "up" };

    // NOTE: only silos that train on CUDA export these. These machines have no GPU, so no scrape here contains
    // them, and their names are checked only by reading FerMetricNames (unit By gives the _bytes suffix).
    private static readonly HashSet<string> CudaOnlySeries = new(StringComparer.Ordinal)
    {
        "fer_accelerator_memory_used_bytes", "fer_accelerator_memory_total_bytes",
    };

    public static TheoryData<string> Dashboards() => new(Directory
        .GetFiles(RepositoryPaths.Combine("deploy", "grafana", "dashboards"), "*.json")
        .Select(Path.GetFileName)
        .Order()!);

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Dashboard_EveryQueriedMetric_ExistsInScrape(string dashboard)
    {
        var scraped = ScrapeText.MetricNames(silo.ActiveScrape);
        scraped.UnionWith(ScrapeText.MetricNames(silo.FinishedScrape));
        scraped.UnionWith(ScrapeText.MetricNames(silo.SweepScrape));

        var queried = Expressions(dashboard).SelectMany(PromQlMetricNames.Of).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(queried);
        var missing = queried.Except(scraped).Except(PrometheusSeries).Except(CudaOnlySeries).Order().ToArray();
        Assert.True(missing.Length == 0, $"{dashboard} queries metrics no scrape contains: {string.Join(", ", missing)}");
    }

    [Fact]
    public void PromQlMetricNames_HistogramQuantile_ReturnsOnlyTheMetric()
    {
        var names = PromQlMetricNames.Of(
            "histogram_quantile(0.95, sum by (le, operation) (rate(fer_storage_operation_duration_seconds_bucket" +
            "{sweep=\"$sweep\", part=\"test\"}[$__rate_interval]))) / clamp_min(sum(fer_slots), 1)").ToArray();

        Assert.Equal(["fer_storage_operation_duration_seconds_bucket", "fer_slots"], names);
    }

    [Fact]
    public void PromQlMetricNames_LabelValues_ReturnsTheMetricNotTheLabel()
    {
        Assert.Equal(["fer_run_loss"], PromQlMetricNames.Of("label_values(fer_run_loss, run)").ToArray());
    }

    private static IEnumerable<string> Expressions(string dashboard)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("deploy", "grafana", "dashboards", dashboard)));
        var root = document.RootElement;
        var expressions = new List<string>();
        foreach (var panel in root.GetProperty("panels").EnumerateArray())
        {
            if (panel.TryGetProperty("targets", out var targets))
            {
                expressions.AddRange(targets.EnumerateArray().Select(t => t.GetProperty("expr").GetString()!));
            }
        }
        foreach (var variable in root.GetProperty("templating").GetProperty("list").EnumerateArray())
        {
            expressions.Add(variable.GetProperty("query").GetProperty("query").GetString()!);
        }
        return expressions;
    }
}
