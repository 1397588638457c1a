using FerOrleans.Contracts.Sweeps;
using FerOrleans.Grains.Datasets;
using FerOrleans.Grains.Training;
using FerOrleans.Hosting;
using FerOrleans.Learning.Data;
using FerOrleans.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TorchSharp;

namespace FerOrleans.Grains.Tests;

/// <summary>
/// A real silo in this process for the fault tests: any store (a local folder or an Azurite the test runs),
/// captured logs, fast retries, and a restart that keeps the store and the ports, as a process restart would.
/// </summary>
public sealed class FaultCluster : IAsyncDisposable
{
    /// <summary>Delay before a failed run is queued again; short, so cap tests stay fast.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly FerSiloOptions _options;
    private readonly string _folder;

    private FaultCluster(FerSiloOptions options, string folder, WebApplication app)
    {
        _options = options;
        _folder = folder;
        App = app;
    }

    public WebApplication App { get; private set; }

    public CapturedLogs Logs { get; } = new();

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    public IBlobStore Store => App.Services.GetRequiredService<IBlobStore>();

    public FerSiloOptions Options => _options;

    /// <param name="storage">The store; null for a local folder in a unique temp folder.</param>
    public static async Task<FaultCluster> StartAsync(StorageOptions? storage = null)
    {
        torch.set_num_threads(1);
        var folder = Path.Combine(Path.GetTempPath(), "fer-fault-tests", Guid.NewGuid().ToString("N"));
        var options = new FerSiloOptions
        {
            Storage = storage ?? new StorageOptions { Kind = StorageKind.Local, LocalPath = Path.Combine(folder, "store") },
            SiloPort = FreePorts.Next(),
            GatewayPort = FreePorts.Next(),
            MetricsPort = 0,
            Slots = new TrainingSlotOptions
            {
                CpuSlots = 1,
                TorchThreads = 1,
                CacheFolder = Path.Combine(folder, "cache"),
                RetryDelay = RetryDelay,
            },
        };
        var cluster = new FaultCluster(options, folder, null!);
        cluster.App = await cluster.StartSiloAsync();
        return cluster;
    }

    /// <summary>Stops the silo (its slot stops the run at the next step) and starts a new one on the same store.</summary>
    public async Task RestartAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        App = await StartSiloAsync();
    }

    /// <summary>The small drawn child and adult sets that <see cref="FaultSpecs"/> use.</summary>
    public async Task ImportTinyDatasetsAsync()
    {
        await ImportAsync(FaultSpecs.DatasetA, SyntheticDomain.Child, seed: 1);
        await ImportAsync(FaultSpecs.DatasetB, SyntheticDomain.Adult, seed: 2);
    }

    /// <summary>Polls the sweep until every run has completed, failed or been cancelled.</summary>
    public async Task<SweepStatus> WaitUntilFinishedAsync(string sweep) =>
        await WaitForAsync(sweep, status => status.IsFinished, "every run finished");

    /// <summary>Polls the sweep's status until <paramref name="condition"/> holds.</summary>
    public async Task<SweepStatus> WaitForAsync(string sweep, Func<SweepStatus, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + FaultSpecs.Timeout;
        while (DateTime.UtcNow < deadline)
        {
            var status = await Grains.GetGrain<ISweepGrain>(sweep).GetStatusAsync();
            if (status is not null && condition(status))
            {
                return status;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"Sweep {sweep}: '{what}' did not happen within {FaultSpecs.Timeout}.");
    }

    /// <summary>Polls the store until the run has stored at least <paramref name="count"/> checkpoints.</summary>
    public async Task<List<string>> WaitForCheckpointsAsync(string runId, int count)
    {
        var deadline = DateTime.UtcNow + FaultSpecs.Timeout;
        while (DateTime.UtcNow < deadline)
        {
            var keys = await ListAsync(StoreKeys.CheckpointPrefix(runId));
            if (keys.Count >= count)
            {
                return keys;
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"Run {runId} did not store {count} checkpoints within {FaultSpecs.Timeout}.");
    }

    /// <summary>Returns the keys of the store under <paramref name="prefix"/>.</summary>
    public async Task<List<string>> ListAsync(string prefix) => await Store.ListAsync(prefix).ToListAsync();

    /// <summary>Every blob of the store, by key, for before-and-after comparisons.</summary>
    public async Task<SortedDictionary<string, string>> SnapshotAsync()
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in await ListAsync(""))
        {
            var blob = await Store.GetAsync(key);
            snapshot[key] = blob is null ? "" : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(blob.Content));
        }
        return snapshot;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task ImportAsync(string name, SyntheticDomain domain, int seed)
    {
        var data = SyntheticFaces.Generate(domain, FaultSpecs.ImagesPerClass, seed);
        await DatasetImporter.ImportAsync(Grains, data.Subset(Enumerable.Range(0, data.Count).ToArray(), name), "test", "none");
    }

    private async Task<WebApplication> StartSiloAsync()
    {
        var app = FerSiloHost.Build(_options, logging =>
        {
            logging.SetMinimumLevel(LogLevel.Debug);
            logging.AddProvider(Logs);
        });
        await app.StartAsync();
        return app;
    }
}
