using System.ComponentModel;
using FerOrleans.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Silo;

public sealed class SiloSettings : StoreSettings
{
    [CommandOption("--gateway-port <PORT>")]
    [Description("Port clients connect to with --connect. Default: 30000")]
    public int GatewayPort { get; init; } = 30000;

    [CommandOption("--silo-port <PORT>")]
    [Description("Silo-to-silo port. Default: 11111")]
    public int SiloPort { get; init; } = 11111;

    [CommandOption("--cpu-slots <N>")]
    [Description("Runs trained at once on the CPU; 0 for a silo that never trains. Default: 1")]
    public int CpuSlots { get; init; } = 1;

    [CommandOption("--torch-threads <N>")]
    [Description("Torch intra-op threads of the silo process; 0 gives each CPU slot an equal share of the cores. Default: FER_TORCH_THREADS, else 0")]
    public int? TorchThreads { get; init; }

    [CommandOption("--cuda-devices <IDS>")]
    [Description("Comma-separated CUDA device ids to train on, one slot group per device. Default: FER_CUDA_DEVICES, else none")]
    public string? CudaDevices { get; init; }

    [CommandOption("--slots-per-device <N>")]
    [Description("Runs trained at once on each CUDA device. Default: FER_SLOTS_PER_DEVICE, else 1")]
    public int? SlotsPerDevice { get; init; }

    [CommandOption("--clustering <KIND>")]
    [Description("localhost (one machine, this silo is the primary) or azuretable (membership in Azure Table Storage). Default: FER_CLUSTERING, else localhost")]
    public string? Clustering { get; init; }

    [CommandOption("--cluster-id <ID>")]
    [Description("Orleans cluster id. Default: FER_CLUSTER_ID, else fer")]
    public string? ClusterId { get; init; }

    [CommandOption("--service-id <ID>")]
    [Description("Orleans service id. Default: FER_SERVICE_ID, else fer")]
    public string? ServiceId { get; init; }

    [CommandOption("--advertised-ip <ADDRESS>")]
    [Description("Address other silos reach this one on; the silo then listens on all interfaces. Default: FER_ADVERTISED_IP, else 127.0.0.1")]
    public string? AdvertisedIp { get; init; }

    /// <summary>The FER_* environment with these options laid over it, as variables.</summary>
    public Func<string, string?> Variables() => name => name switch
    {
        "FER_CUDA_DEVICES" when CudaDevices is not null => CudaDevices,
        "FER_SLOTS_PER_DEVICE" when SlotsPerDevice is not null => SlotsPerDevice.ToString(),
        "FER_CLUSTERING" when Clustering is not null => Clustering,
        "FER_CLUSTER_ID" when ClusterId is not null => ClusterId,
        "FER_SERVICE_ID" when ServiceId is not null => ServiceId,
        "FER_ADVERTISED_IP" when AdvertisedIp is not null => AdvertisedIp,
        _ => Environment.GetEnvironmentVariable(name),
    };
}
