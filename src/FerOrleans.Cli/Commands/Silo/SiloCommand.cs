using FerOrleans.Grains.Training;
using FerOrleans.Hosting;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Silo;

/// <summary><c>fer silo</c>: runs a silo in the foreground until Ctrl+C; other commands reach it with --connect.</summary>
public sealed class SiloCommand : AsyncCommand<SiloSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SiloSettings settings, CancellationToken cancellationToken)
    {
        var storage = settings.StorageOptions();
        var fromEnvironment = FerSiloEnvironment.Read(settings.Variables());
        var options = fromEnvironment with
        {
            Storage = storage,
            SiloPort = settings.SiloPort,
            GatewayPort = settings.GatewayPort,
            MetricsPort = settings.SiloMetricsPort,
            Slots = fromEnvironment.Slots with
            {
                CpuSlots = settings.CpuSlots,
                TorchThreads = settings.TorchThreads ?? fromEnvironment.Slots.TorchThreads,
                CacheFolder = Path.Combine(Path.GetTempPath(), "fer-cache"),
            },
        };
        await using var app = FerSiloHost.Build(options);
        await app.StartAsync(cancellationToken);
        AnsiConsole.MarkupLineInterpolated(
            $"Silo up: gateway 127.0.0.1:{settings.GatewayPort}, metrics {app.MetricsAddress()}/metrics, store {storage.Describe()}. Ctrl+C stops it.");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
