using System.Diagnostics;
using System.Text.Json;

namespace FerOrleans.Hosting.Tests;

/// <summary>Scrapes the silo with a real Prometheus started on the repository's scrape config.</summary>
[Collection(ScrapedSiloCollection.Name)]
public sealed class PrometheusScrapeTests(ScrapedSilo silo)
{
    private const string DefaultTarget = "\"127.0.0.1:9464\"";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [PrometheusFact]
    public async Task Prometheus_RepositoryConfig_ScrapesSiloAndAnswersQuery()
    {
        var folder = Directory.CreateTempSubdirectory("fer-prometheus-");
        var config = await File.ReadAllTextAsync(RepositoryPaths.Combine("deploy", "prometheus", "prometheus.yml"));
        Assert.Contains(DefaultTarget, config);
        var configPath = Path.Combine(folder.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(configPath, config.Replace(DefaultTarget, $"\"127.0.0.1:{silo.MetricsPort}\""));
        var port = FreePorts.Next();

        using var prometheus = Process.Start(new ProcessStartInfo("prometheus")
        {
            ArgumentList =
            {
                $"--config.file={configPath}",
                $"--storage.tsdb.path={Path.Combine(folder.FullName, "data")}",
                $"--web.listen-address=127.0.0.1:{port}",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = prometheus.StandardError.ReadToEndAsync();
        try
        {
            var completed = await QueryUntilAsync(port, "fer_runs{job=\"fer-silo\",state=\"Completed\"}");
            var orleans = await QueryUntilAsync(port, "orleans_grains");

            var runs = silo.Finished.Runs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(runs, completed.GetProperty("value")[1].GetString());
            Assert.Equal($"127.0.0.1:{silo.MetricsPort}", completed.GetProperty("metric").GetProperty("instance").GetString());
            Assert.Equal("fer-silo", orleans.GetProperty("metric").GetProperty("job").GetString());
        }
        finally
        {
            prometheus.Kill();
            await prometheus.WaitForExitAsync();
            Console.WriteLine(await log);
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The first sample of an instant query, once Prometheus has scraped one.</summary>
    private static async Task<JsonElement> QueryUntilAsync(int port, string query)
    {
        using var http = new HttpClient();
        var url = $"http://127.0.0.1:{port}/api/v1/query?query={Uri.EscapeDataString(query)}";
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            try
            {
                using var answer = JsonDocument.Parse(await http.GetStringAsync(url));
                var result = answer.RootElement.GetProperty("data").GetProperty("result");
                if (result.GetArrayLength() > 0)
                {
                    return result[0].Clone();
                }
            }
            catch (HttpRequestException)
            {
                // Prometheus is still starting.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Prometheus returned no sample for {query} within {Timeout}.");
            }
            await Task.Delay(250);
        }
    }
}
