using FerOrleans.Grains.Datasets;
using FerOrleans.Grains.Training;
using FerOrleans.Hosting;
using FerOrleans.Learning.Data;
using FerOrleans.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TorchSharp;

namespace FerOrleans.Grains.Tests;

/// <summary>A real silo in this process on a local-folder store in a unique temp folder.</summary>
public sealed class EmbeddedCluster : IAsyncDisposable
{
    private readonly int _cpuSlots;

    private EmbeddedCluster(WebApplication app, string store, int cpuSlots)
    {
        App = app;
        StoreFolder = store;
        _cpuSlots = cpuSlots;
    }

    public WebApplication App { get; private set; }

    public string StoreFolder { get; }

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    public IBlobStore Store => App.Services.GetRequiredService<IBlobStore>();

    /// <summary>Returns the keys of the store under <paramref name="prefix"/>.</summary>
    public async Task<List<string>> ListAsync(string prefix) => await Store.ListAsync(prefix).ToListAsync();

    /// <param name="cpuSlots">Training slots of the silo; 0 makes a silo that never trains.</param>
    public static async Task<EmbeddedCluster> StartAsync(int cpuSlots = 1)
    {
        torch.set_num_threads(1);
        var store = Path.Combine(Path.GetTempPath(), "fer-grains-tests", Guid.NewGuid().ToString("N"));
        var app = await StartSiloAsync(store, cpuSlots);
        return new EmbeddedCluster(app, store, cpuSlots);
    }

    /// <summary>Stops the silo and starts a new one on the same store, as a process restart would.</summary>
    public async Task RestartAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        App = await StartSiloAsync(StoreFolder, _cpuSlots);
    }

    /// <summary>A small drawn data set, imported under <paramref name="name"/>.</summary>
    public async Task<FaceDataset> ImportSyntheticAsync(string name, SyntheticDomain domain, int imagesPerClass, int seed)
    {
        var data = SyntheticFaces.Generate(domain, imagesPerClass, seed);
        var named = data.Subset(Enumerable.Range(0, data.Count).ToArray(), name);
        await DatasetImporter.ImportAsync(Grains, named, "test", "none");
        return named;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (Directory.Exists(StoreFolder))
        {
            Directory.Delete(StoreFolder, recursive: true);
        }
    }

    private static async Task<WebApplication> StartSiloAsync(string store, int cpuSlots)
    {
        var options = new FerSiloOptions
        {
            Storage = new StorageOptions { Kind = StorageKind.Local, LocalPath = store },
            SiloPort = FreePorts.Next(),
            GatewayPort = FreePorts.Next(),
            MetricsPort = 0,
            Slots = new TrainingSlotOptions { CpuSlots = cpuSlots, TorchThreads = 1, CacheFolder = Path.Combine(store, "cache") },
        };
        var app = FerSiloHost.Build(options, _ => { });
        await app.StartAsync();
        return app;
    }
}
