using System.Net;
using System.Net.Sockets;
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
    private EmbeddedCluster(WebApplication app, string store)
    {
        App = app;
        StoreFolder = store;
    }

    public WebApplication App { get; private set; }

    public string StoreFolder { get; }

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    public IBlobStore Store => App.Services.GetRequiredService<IBlobStore>();

    public static async Task<EmbeddedCluster> StartAsync(string? store = null)
    {
        torch.set_num_threads(1);
        store ??= Path.Combine(Path.GetTempPath(), "fer-grains-tests", Guid.NewGuid().ToString("N"));
        var app = await StartSiloAsync(store);
        return new EmbeddedCluster(app, store);
    }

    /// <summary>Stops the silo and starts a new one on the same store, as a process restart would.</summary>
    public async Task RestartAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        App = await StartSiloAsync(StoreFolder);
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

    private static async Task<WebApplication> StartSiloAsync(string store)
    {
        var options = new FerSiloOptions
        {
            Storage = new StorageOptions { Kind = StorageKind.Local, LocalPath = store },
            SiloPort = FreePort(),
            GatewayPort = FreePort(),
            MetricsPort = 0,
            Slots = new TrainingSlotOptions { CpuSlots = 1, TorchThreads = 1, CacheFolder = Path.Combine(store, "cache") },
        };
        var app = FerSiloHost.Build(options, _ => { });
        await app.StartAsync();
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
