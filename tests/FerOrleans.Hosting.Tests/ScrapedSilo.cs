using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Grains.Datasets;
using FerOrleans.Grains.Training;
using FerOrleans.Learning.Data;
using FerOrleans.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TorchSharp;

namespace FerOrleans.Hosting.Tests;

/// <summary>
/// A real silo that trains two repetitions of a tiny SC(c&lt;-a) run, with scrapes of its <c>/metrics</c> taken while the run
/// trained and after it finished, and a scrape of the sweep metrics endpoint fed with the finished sweep.
/// </summary>
public sealed class ScrapedSilo : IAsyncLifetime
{
    public const string SweepName = "observe";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private readonly string _store = Path.Combine(Path.GetTempPath(), "fer-hosting-tests", Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new();
    private WebApplication? _silo;

    public int MetricsPort { get; } = FreePorts.Next();

    /// <summary>A scrape taken while a run trained, with its run-level series (ETA included).</summary>
    public string ActiveScrape { get; private set; } = "";

    /// <summary>A scrape taken after both runs finished.</summary>
    public string FinishedScrape { get; private set; } = "";

    /// <summary>A scrape of <see cref="SweepMetricsServer"/> after it saw the finished sweep.</summary>
    public string SweepScrape { get; private set; } = "";

    public SweepStatus Finished { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        torch.set_num_threads(1);
        _silo = FerSiloHost.Build(new FerSiloOptions
        {
            Storage = new StorageOptions { Kind = StorageKind.Local, LocalPath = _store },
            SiloPort = FreePorts.Next(),
            GatewayPort = FreePorts.Next(),
            MetricsPort = MetricsPort,
            Slots = new TrainingSlotOptions
            {
                CpuSlots = 1, TorchThreads = 1, CacheFolder = Path.Combine(_store, "cache"),
                ProgressInterval = TimeSpan.FromMilliseconds(50),
            },
        }, _ => { });
        await _silo.StartAsync();

        var grains = _silo.Services.GetRequiredService<IGrainFactory>();
        await ImportAsync(grains, "observe-child", SyntheticDomain.Child, seed: 1);
        await ImportAsync(grains, "observe-adult", SyntheticDomain.Adult, seed: 2);
        var sweep = grains.GetGrain<ISweepGrain>(SweepName);
        await sweep.StartAsync(Spec());

        ActiveScrape = await ScrapeUntilAsync(text => ScrapeText.Lines(text, "fer_run_eta_seconds").Length > 0);
        Finished = await WaitUntilFinishedAsync(sweep);
        FinishedScrape = await ScrapeUntilAsync(text => ScrapeText.Lines(text, "fer_run_loss").Length == 0);
        SweepScrape = await ScrapeSweepMetricsAsync(Finished);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_silo is not null)
        {
            await _silo.StopAsync();
            await _silo.DisposeAsync();
        }
        if (Directory.Exists(_store))
        {
            Directory.Delete(_store, recursive: true);
        }
    }

    private static SweepSpec Spec() => new()
    {
        Name = SweepName,
        DatasetA = "observe-child",
        DatasetB = "observe-adult",
        Approaches = ["SC(c<-a)"],
        TrainFractions = [0.5],
        AugmentationRatios = [1],
        Repetitions = 2,
        Network = new NetworkSpec { Stem = "imagenet", Width = 4, ProjectionHidden = 16, EmbeddingSize = 8 },
        Training = new TrainingSpec { Epochs = 4, ProbeEpochs = 2, BatchSize = 8, ProbeLearningRate = 0.05 },
    };

    private static async Task ImportAsync(IGrainFactory grains, string name, SyntheticDomain domain, int seed)
    {
        var data = SyntheticFaces.Generate(domain, 6, seed);
        await DatasetImporter.ImportAsync(grains, data.Subset(Enumerable.Range(0, data.Count).ToArray(), name), "test", "none");
    }

    private async Task<string> ScrapeUntilAsync(Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var text = await _http.GetStringAsync($"http://127.0.0.1:{MetricsPort}/metrics");
            if (done(text))
            {
                return text;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The expected series did not appear within {Timeout}; last scrape:\n{text}");
            }
            await Task.Delay(20);
        }
    }

    private static async Task<SweepStatus> WaitUntilFinishedAsync(ISweepGrain sweep)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var status = await sweep.GetStatusAsync();
            if (status is { IsFinished: true })
            {
                return status;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Sweep {SweepName} did not finish within {Timeout}.");
            }
            await Task.Delay(100);
        }
    }

    private async Task<string> ScrapeSweepMetricsAsync(SweepStatus status)
    {
        var port = FreePorts.Next();
        await using var server = SweepMetricsServer.Build(port);
        server.Services.GetRequiredService<SweepMetrics>().Update(status);
        await server.StartAsync();
        try
        {
            return await _http.GetStringAsync($"http://127.0.0.1:{port}/metrics");
        }
        finally
        {
            await server.StopAsync();
        }
    }
}

/// <summary>Shares one <see cref="ScrapedSilo"/> among the test classes that read its scrapes.</summary>
[CollectionDefinition(Name)]
public sealed class ScrapedSiloCollection : ICollectionFixture<ScrapedSilo>
{
    public const string Name = "scraped silo";
}
