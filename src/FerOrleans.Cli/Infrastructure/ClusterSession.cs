using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using FerOrleans.Grains.Training;
using FerOrleans.Hosting;
using FerOrleans.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace FerOrleans.Cli.Infrastructure;

/// <summary>
/// The cluster a command talks to: a running silo through its gateway, or a silo started in this
/// process on the store (the embedded default).
/// </summary>
public sealed class ClusterSession : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _markerFolder;

    private ClusterSession(IHost host, IGrainFactory grains, IBlobStore store, string description, string? markerFolder)
    {
        _host = host;
        Grains = grains;
        Store = store;
        Description = description;
        _markerFolder = markerFolder;
    }

    public IGrainFactory Grains { get; }

    /// <summary>The store the cluster keeps its blobs in; readable without the cluster.</summary>
    public IBlobStore Store { get; }

    /// <summary>Where the cluster runs, for the user; never contains a secret.</summary>
    public string Description { get; }

    /// <summary>Connects to the silo of <c>--connect</c> or of a live embedded silo on the store, else starts one.</summary>
    /// <param name="trains">Whether an embedded silo gets a training slot; status and report commands need none.</param>
    public static async Task<ClusterSession> OpenAsync(StoreSettings settings, bool trains, CancellationToken cancellationToken)
    {
        var storage = settings.StorageOptions();
        var gateway = settings.Connect;
        if (gateway is null && storage.Kind == StorageKind.Local)
        {
            gateway = EmbeddedSiloMarker.FindLive(storage.LocalPath)?.GatewayPort;
        }

        return gateway is { } port
            ? await ConnectAsync(port, storage, cancellationToken)
            : await StartEmbeddedAsync(settings, storage, trains, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(30));
        _host.Dispose();
        if (_markerFolder is not null)
        {
            EmbeddedSiloMarker.Remove(_markerFolder);
        }
    }

    private static async Task<ClusterSession> ConnectAsync(int gatewayPort, StorageOptions storage, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        // FER_CLUSTERING=azuretable finds the gateways in the membership table; localhost uses gatewayPort.
        var cluster = FerSiloEnvironment.Read().Cluster;
        builder.UseOrleansClient(client => client.UseFerCluster(cluster, gatewayPort));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);

        var grains = host.Services.GetRequiredService<IClusterClient>();
        return new ClusterSession(host, grains, BlobStoreFactory.Create(storage),
            cluster.Kind == ClusteringKind.Localhost
                ? $"silo at gateway 127.0.0.1:{gatewayPort}, store {storage.Describe()}"
                : $"cluster {cluster.ClusterId} (gateways from the Azure membership table), store {storage.Describe()}",
            markerFolder: null);
    }

    private static async Task<ClusterSession> StartEmbeddedAsync(
        StoreSettings settings, StorageOptions storage, bool trains, CancellationToken cancellationToken)
    {
        var options = new FerSiloOptions
        {
            Storage = storage,
            SiloPort = FreePort(),
            GatewayPort = FreePort(),
            MetricsPort = trains ? settings.SiloMetricsPort : 0,
            Slots = new TrainingSlotOptions
            {
                CpuSlots = trains ? 1 : 0,
                CacheFolder = Path.Combine(storage.Kind == StorageKind.Local ? storage.LocalPath : Path.GetTempPath(), "cache"),
            },
        };
        var app = FerSiloHost.Build(options, logging =>
        {
            if (settings.Verbose)
            {
                logging.AddSimpleConsole(o => o.SingleLine = true);
            }
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException(
                $"Port {options.MetricsPort} for the metrics endpoint is already in use on 127.0.0.1. " +
                "Pass --metrics-port with a free port, or 0 to pick one.", ex);
        }

        string? markerFolder = null;
        if (storage.Kind == StorageKind.Local)
        {
            markerFolder = storage.LocalPath;
            new EmbeddedSiloMarker(Environment.ProcessId, options.GatewayPort).Write(markerFolder);
        }

        var description = $"embedded silo, store {storage.Describe()}" + (trains ? $", metrics {app.MetricsAddress()}/metrics" : "");
        // Standard error, so that commands whose output is data (predict --json, run split) can be piped.
        Console.Error.WriteLine(description);
        return new ClusterSession(app, app.Services.GetRequiredService<IGrainFactory>(),
            app.Services.GetRequiredService<IBlobStore>(), description, markerFolder);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
