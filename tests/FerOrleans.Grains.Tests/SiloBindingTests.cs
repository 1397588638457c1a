using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FerOrleans.Grains.Tests;

public sealed class SiloBindingTests
{
    [Fact]
    public async Task Silo_DefaultOptions_ListensOnLoopbackOnly()
    {
        await using var cluster = await FaultCluster.StartAsync();
        var server = cluster.App.Services.GetRequiredService<IServer>();
        var metricsPort = new Uri(server.Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;

        var listening = ListeningSockets();

        foreach (var port in new[] { cluster.Options.SiloPort, cluster.Options.GatewayPort, metricsPort })
        {
            var addresses = listening.Where(s => s.Port == port).Select(s => s.Address).ToArray();
            Assert.NotEmpty(addresses);
            Assert.All(addresses, address => Assert.True(IPAddress.IsLoopback(address), $"port {port} listens on {address}"));
        }
    }

    /// <summary>Listening TCP sockets of this machine from /proc/net/tcp and tcp6 (Linux only).</summary>
    private static List<(IPAddress Address, int Port)> ListeningSockets()
    {
        const string listen = "0A";
        var sockets = new List<(IPAddress, int)>();
        foreach (var file in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists))
        {
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 4 || fields[3] != listen)
                {
                    continue;
                }

                var local = fields[1].Split(':');
                sockets.Add((ParseAddress(local[0]), int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            }
        }
        return sockets;
    }

    /// <summary>The kernel writes each 32-bit word of the address in host (little-endian) byte order.</summary>
    private static IPAddress ParseAddress(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }
        return new IPAddress(bytes);
    }
}
