using System.Net;
using System.Net.Sockets;
using FerOrleans.Cli.Infrastructure;

namespace FerOrleans.Cli.Tests;

public sealed class ClusterSessionTests : IDisposable
{
    private readonly string _store = Path.Combine(Path.GetTempPath(), "fer-cli-session-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_store))
        {
            Directory.Delete(_store, recursive: true);
        }
    }

    [Fact]
    public async Task OpenAsync_MetricsPortTaken_NamesPortAndOption()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var settings = new StoreSettings { Store = _store, MetricsPort = port };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ClusterSession.OpenAsync(settings, trains: true, CancellationToken.None));

        Assert.Contains($"Port {port}", error.Message);
        Assert.Contains("--metrics-port", error.Message);
        Assert.False(File.Exists(Path.Combine(_store, "embedded-silo.json")));
    }
}
