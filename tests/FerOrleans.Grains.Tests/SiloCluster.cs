using System.Net;
using FerOrleans.Contracts.Runs;
using FerOrleans.Grains.Recovery;
using FerOrleans.Grains.Training;
using FerOrleans.Hosting;
using FerOrleans.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TorchSharp;

namespace FerOrleans.Grains.Tests;

/// <summary>
/// Several real silos in this process, one cluster, one local-folder store. Membership, watchdog and reminder
/// periods are short, so a killed silo is declared dead within a few seconds.
/// </summary>
public sealed class SiloCluster : IAsyncDisposable
{
    private static readonly TimeSpan StabilizeTimeout = TimeSpan.FromSeconds(60);

    private readonly Setup _setup;
    private readonly WebApplication?[] _silos;
    private readonly string _clusterId = "test-" + Guid.NewGuid().ToString("N")[..12];

    private SiloCluster(Setup setup)
    {
        _setup = setup;
        _silos = new WebApplication?[setup.Slots.Count];
        Counters = setup.Slots.Select(_ => new EventCounter()).ToArray();
        StoreFolder = Path.Combine(Path.GetTempPath(), "fer-cluster-tests", Guid.NewGuid().ToString("N"));
    }

    /// <summary>How to build the cluster.</summary>
    /// <param name="Slots">CPU slots of each silo, silo 0 first; 0 makes a silo that never trains.</param>
    /// <param name="TableConnectionString">Azure Table membership and reminders; null uses localhost clustering with silo 0 as primary.</param>
    /// <param name="Ledger">When set, silos run <see cref="InstantJob"/> in place of training.</param>
    /// <param name="Hold">How long each instant job occupies its slot.</param>
    public sealed record Setup(
        IReadOnlyList<int> Slots,
        string? TableConnectionString = null,
        JobLedger? Ledger = null,
        TimeSpan Hold = default);

    public string StoreFolder { get; }

    /// <summary>Log event counts of each silo.</summary>
    public IReadOnlyList<EventCounter> Counters { get; }

    /// <summary>Grain factory of the first silo still running.</summary>
    public IGrainFactory Grains => Live().First().Services.GetRequiredService<IGrainFactory>();

    /// <summary>Event counts and warnings of every silo, for test output.</summary>
    public string Diagnostics() => string.Join(Environment.NewLine, Counters.Select((counter, i) =>
        $"silo {i}: {counter.Summary()}{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", counter.Warnings.Take(10))}"));

    public string SiloName(int index) => $"{_clusterId}-silo{index}";

    public static async Task<SiloCluster> StartAsync(Setup setup)
    {
        torch.set_num_threads(1);
        var cluster = new SiloCluster(setup);
        for (var i = 0; i < setup.Slots.Count; i++)
        {
            cluster._silos[i] = await cluster.StartSiloAsync(i);
        }
        await cluster.WaitForLivenessToStabilizeAsync();
        return cluster;
    }

    /// <summary>Stops a silo without a graceful shutdown, as a crash would: no deactivation, no membership goodbye.</summary>
    public async Task KillAsync(int index)
    {
        var silo = _silos[index] ?? throw new InvalidOperationException($"Silo {index} is not running.");
        _silos[index] = null;
        await silo.StopAsync(new CancellationToken(canceled: true));
        await silo.DisposeAsync();
    }

    /// <summary>Waits until the membership of every running silo lists exactly the running silos as active.</summary>
    public async Task WaitForLivenessToStabilizeAsync()
    {
        var deadline = DateTime.UtcNow + StabilizeTimeout;
        var expected = Live().Count();
        while (DateTime.UtcNow < deadline)
        {
            var views = Live()
                .Select(silo => silo.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot)
                .Select(snapshot => snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active));
            if (views.All(active => active == expected))
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Membership did not settle on {expected} active silos within {StabilizeTimeout}.");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Live().Reverse().ToArray())
        {
            await silo.StopAsync();
            await silo.DisposeAsync();
        }
        if (Directory.Exists(StoreFolder))
        {
            Directory.Delete(StoreFolder, recursive: true);
        }
    }

    private IEnumerable<WebApplication> Live() => _silos.OfType<WebApplication>();

    private async Task<WebApplication> StartSiloAsync(int index)
    {
        var siloPort = FreePorts.Next();
        var options = new FerSiloOptions
        {
            Storage = new StorageOptions { Kind = StorageKind.Local, LocalPath = StoreFolder },
            SiloPort = siloPort,
            GatewayPort = FreePorts.Next(),
            MetricsPort = 0,
            Cluster = new FerClusterOptions
            {
                Kind = _setup.TableConnectionString is null ? ClusteringKind.Localhost : ClusteringKind.AzureTable,
                TableConnectionString = _setup.TableConnectionString,
                ClusterId = _clusterId,
                ServiceId = _clusterId,
                SiloName = SiloName(index),
                PrimarySiloEndpoint = index == 0 ? null : new IPEndPoint(IPAddress.Loopback, PrimaryPort),
                ProbeTimeout = TimeSpan.FromSeconds(1),
                Recovery = new RecoveryOptions
                {
                    WatchdogPeriod = TimeSpan.FromSeconds(1),
                    ReminderPeriod = TimeSpan.FromSeconds(5),
                },
            },
            Slots = new TrainingSlotOptions
            {
                CpuSlots = _setup.Slots[index],
                TorchThreads = 1,
                CacheFolder = Path.Combine(StoreFolder, $"cache-{index}"),
            },
        };
        if (index == 0)
        {
            PrimaryPort = siloPort;
        }

        var counter = Counters[index];
        var app = FerSiloHost.Build(options, logging =>
        {
            logging.AddProvider(counter);
            logging.AddFilter<EventCounter>("FerOrleans", LogLevel.Debug);
            logging.AddFilter<EventCounter>("Orleans", LogLevel.Warning);
            logging.AddFilter<EventCounter>("Microsoft", LogLevel.Warning);
        }, ReplaceJobs);
        await app.StartAsync();
        return app;
    }

    private int PrimaryPort { get; set; }

    private void ReplaceJobs(IServiceCollection services)
    {
        if (_setup.Ledger is not { } ledger)
        {
            return;
        }

        services.AddSingleton<Func<RunDefinition, TrainingSlot, IRunJob>>(sp =>
        {
            var grains = sp.GetRequiredService<IGrainFactory>();
            var silo = sp.GetRequiredService<ILocalSiloDetails>().Name;
            return (run, _) => new InstantJob(run, grains, silo, ledger, _setup.Hold);
        });
    }
}
