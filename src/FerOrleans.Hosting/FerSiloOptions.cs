using FerOrleans.Grains.Training;
using FerOrleans.Storage;

namespace FerOrleans.Hosting;

/// <summary>Everything a silo of FerOrleans is configured with.</summary>
public sealed record FerSiloOptions
{
    /// <summary>Orleans cluster id and service id of the embedded silo; silos and clients of one cluster share it.</summary>
    public const string DefaultClusterId = FerClusterOptions.DefaultId;

    /// <summary>Port of the silo-to-silo endpoint; 0 picks a free one.</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>Port clients connect to; 0 picks a free one.</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>Address of the Prometheus endpoint <c>/metrics</c>; loopback unless configured otherwise.</summary>
    public string MetricsHost { get; init; } = "127.0.0.1";

    /// <summary>Port of the Prometheus endpoint; 0 picks a free one.</summary>
    public int MetricsPort { get; init; } = 9464;

    /// <summary>Membership, ids, endpoints and reminders; the default is one silo on localhost clustering.</summary>
    public FerClusterOptions Cluster { get; init; } = new();

    public required StorageOptions Storage { get; init; }

    public TrainingSlotOptions Slots { get; init; } = new();
}
