using System.Net;
using System.Net.Sockets;
using FerOrleans.Grains.Training;
using FerOrleans.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FerOrleans.Hosting.Tests;

public sealed class SiloDeviceCheckTests
{
    /// <summary>
    /// NOTE: stands in for libtorch's CUDA device count; this machine has no GPU, so the real
    /// <see cref="TorchCudaDeviceCount"/> always returns 0 here.
    /// </summary>
    private sealed class FixedDeviceCount(int count) : ICudaDeviceCount
    {
        public int Count() => count;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Exception Innermost(Exception error) =>
        error is AggregateException { InnerExceptions.Count: 1 } aggregate ? Innermost(aggregate.InnerExceptions[0]) : error;

    [Fact]
    public async Task Start_MissingCudaDevice_FailsNamingDevice()
    {
        var store = Path.Combine(Path.GetTempPath(), "fer-hosting-tests", Guid.NewGuid().ToString("N"));
        var options = new FerSiloOptions
        {
            Storage = new StorageOptions { Kind = StorageKind.Local, LocalPath = store },
            SiloPort = FreePort(),
            GatewayPort = FreePort(),
            MetricsPort = 0,
            Slots = new TrainingSlotOptions { CpuSlots = 0, CudaDevices = [1] },
        };
        await using var app = FerSiloHost.Build(
            options, _ => { }, services => services.AddSingleton<ICudaDeviceCount>(new FixedDeviceCount(1)));

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());
        var error = Assert.IsType<InvalidOperationException>(Innermost(thrown));

        Assert.Contains("CUDA device(s) 1", error.Message);
        Assert.Contains("torch.cuda.device_count() is 1", error.Message);
    }
}
