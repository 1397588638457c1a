using System.Net;
using System.Net.Sockets;
using FerOrleans.Grains.Training;
using FerOrleans.Hosting;
using FerOrleans.Storage;

namespace FerOrleans.Hosting.Tests;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Silo_Metrics_ServesPrometheusTextOnLoopback()
    {
        var store = Path.Combine(Path.GetTempPath(), "fer-hosting-tests", Guid.NewGuid().ToString("N"));
        var port = FreePort();
        var options = new FerSiloOptions
        {
            Storage = new StorageOptions { Kind = StorageKind.Local, LocalPath = store },
            SiloPort = FreePort(),
            GatewayPort = FreePort(),
            MetricsPort = port,
            Slots = new TrainingSlotOptions { CpuSlots = 0 },
        };
        await using var app = FerSiloHost.Build(options, _ => { });
        await app.StartAsync();
        try
        {
            using var http = new HttpClient();
            var text = await http.GetStringAsync($"http://127.0.0.1:{port}/metrics");

            Assert.Contains("# TYPE fer_runs gauge", text);
            Assert.Contains("fer_runs{", text);
            Assert.Contains("state=\"Completed\"", text);
            Assert.Contains("dotnet_", text);
            Assert.StartsWith($"http://127.0.0.1:{port}", app.MetricsAddress());
        }
        finally
        {
            await app.StopAsync();
            if (Directory.Exists(store))
            {
                Directory.Delete(store, recursive: true);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
