using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace FerOrleans.Grains.Tests;

public sealed class SiloProcessTests(AzuriteTables azurite, ITestOutputHelper output) : IClassFixture<AzuriteTables>
{
    [Fact]
    public async Task Sweep_SiloProcessKilled_EveryRunCompletes()
    {
        var clusterId = "proc-" + Guid.NewGuid().ToString("N")[..12];
        var environment = new Dictionary<string, string>
        {
            ["FER_CLUSTERING"] = "azuretable",
            ["FER_STORE_KIND"] = "azureblob",
            ["FER_STORAGE_CONNECTION_STRING"] = azurite.ConnectionString,
            ["FER_AZURE_CONTAINER"] = clusterId,
            ["FER_CLUSTER_ID"] = clusterId,
            ["FER_SERVICE_ID"] = clusterId,
            ["FER_CPU_SLOTS"] = "1",
            ["FER_METRICS_PORT"] = "0",
            ["FER_MEMBERSHIP_PROBE_SECONDS"] = "1",
            ["FER_WATCHDOG_SECONDS"] = "1",
            ["FER_REMINDER_SECONDS"] = "5",
        };
        using var first = SiloProcess.Start($"{clusterId}-a", Ports(environment));
        using var second = SiloProcess.Start($"{clusterId}-b", Ports(environment));
        using var client = await ConnectAsync(clusterId);
        var grains = client.Services.GetRequiredService<IClusterClient>();
        try
        {
            await ClusterSpecs.ImportAsync(grains);
            var spec = ClusterSpecs.Tiny("procs", "SL(c)", repetitions: 2, epochs: 5);
            await grains.GetGrain<ISweepGrain>("procs").StartAsync(spec);

            var victim = await WaitForTrainingProcessAsync(grains, [first, second]);
            victim.Kill();
            var killed = System.Diagnostics.Stopwatch.StartNew();
            var status = await ClusterSpecs.WaitUntilFinishedAsync(() => grains, "procs");
            output.WriteLine($"killed {victim.Name}; every run completed {killed.Elapsed.TotalSeconds:F1} s later");

            Assert.Equal(2, status.Runs.Count);
            Assert.All(status.Runs, run => Assert.Equal(RunState.Completed, run.State));
            Assert.Contains(status.Runs, run => run.Attempts >= 2);
            Assert.All(status.Runs.Where(run => run.Attempts >= 2), run => Assert.NotEqual(victim.Name, run.Silo));
        }
        catch
        {
            output.WriteLine($"--- {first.Name}\n{first.Output}\n--- {second.Name}\n{second.Output}");
            throw;
        }
        finally
        {
            await client.StopAsync();
        }
    }

    private static Dictionary<string, string> Ports(Dictionary<string, string> environment) => new(environment)
    {
        ["FER_SILO_PORT"] = $"{FreePorts.Next()}",
        ["FER_GATEWAY_PORT"] = $"{FreePorts.Next()}",
    };

    private async Task<IHost> ConnectAsync(string clusterId)
    {
        var cluster = new FerClusterOptions
        {
            Kind = ClusteringKind.AzureTable,
            ClusterId = clusterId,
            ServiceId = clusterId,
            TableConnectionString = azurite.ConnectionString,
        };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.UseOrleansClient(client => client.UseFerCluster(cluster, gatewayPort: 0));
            var host = builder.Build();
            try
            {
                await host.StartAsync();
                return host;
            }
            catch (Exception ex) when (ex is OrleansException or SiloUnavailableException && DateTime.UtcNow < deadline)
            {
                // The silos have not written their membership rows yet.
                host.Dispose();
                await Task.Delay(500);
            }
        }
    }

    /// <summary>Waits until a run trains past its first epoch and returns the process it trains in.</summary>
    private static async Task<SiloProcess> WaitForTrainingProcessAsync(IGrainFactory grains, SiloProcess[] silos)
    {
        var deadline = DateTime.UtcNow + ClusterSpecs.SweepTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var status = await grains.GetGrain<ISweepGrain>("procs").GetStatusAsync();
            var running = status!.Runs.FirstOrDefault(run => run.State == RunState.Running && run.Progress is { Epoch: >= 2 });
            if (running is not null)
            {
                return silos.Single(silo => silo.Name == running.Silo);
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"No run reached epoch 2 within {ClusterSpecs.SweepTimeout}.");
    }
}
