using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FerOrleans.Cli.Infrastructure;

namespace FerOrleans.Cli.Tests;

public sealed class EmbeddedSiloMarkerTests : IDisposable
{
    private readonly string store = Directory.CreateTempSubdirectory("fer-marker-").FullName;

    public void Dispose() => Directory.Delete(store, recursive: true);

    [Fact]
    public void FindLive_ExitedProcess_ReturnsNull()
    {
        using var exited = Process.Start("true")!;
        exited.WaitForExit();
        using var listener = Listen();
        new EmbeddedSiloMarker(exited.Id, Port(listener)).Write(store);

        Assert.Null(EmbeddedSiloMarker.FindLive(store));
    }

    [Fact]
    public void FindLive_LiveProcessWithoutGateway_ReturnsNull()
    {
        using var sleeper = Sleeper();
        int closedPort;
        using (var listener = Listen())
        {
            closedPort = Port(listener);
        }

        new EmbeddedSiloMarker(sleeper.Id, closedPort).Write(store);

        Assert.Null(EmbeddedSiloMarker.FindLive(store));
        sleeper.Kill();
    }

    [Fact]
    public void FindLive_LiveProcessWithGateway_ReturnsMarker()
    {
        using var sleeper = Sleeper();
        using var listener = Listen();
        var marker = new EmbeddedSiloMarker(sleeper.Id, Port(listener));
        marker.Write(store);

        Assert.Equal(marker, EmbeddedSiloMarker.FindLive(store));
        sleeper.Kill();
    }

    private static Process Sleeper() => Process.Start("sleep", "60")!;

    private static TcpListener Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;
}
