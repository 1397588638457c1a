using System.Net;
using FerOrleans.Grains.Recovery;

namespace FerOrleans.Hosting;

/// <summary>How a silo joins its cluster: membership provider, ids, endpoints, reminders and recovery timing.</summary>
public sealed record FerClusterOptions
{
    /// <summary>Orleans cluster id and service id unless configured; silos and clients of one cluster share it.</summary>
    public const string DefaultId = "fer";

    /// <summary>Membership provider; <see cref="ClusteringKind.AzureTable"/> also keeps reminders in Azure Table Storage.</summary>
    public ClusteringKind Kind { get; init; } = ClusteringKind.Localhost;

    /// <summary>Orleans cluster id (one deployment of the service).</summary>
    public string ClusterId { get; init; } = DefaultId;

    /// <summary>Orleans service id; grain state and reminders are scoped by it.</summary>
    public string ServiceId { get; init; } = DefaultId;

    /// <summary>
    /// Address other silos and clients reach this silo on; null means loopback. With an address set the silo
    /// listens on all interfaces.
    /// </summary>
    public IPAddress? AdvertisedAddress { get; init; }

    /// <summary>
    /// Silo-to-silo endpoint of the primary silo for <see cref="ClusteringKind.Localhost"/>; null makes this silo
    /// the primary. Ignored by other kinds.
    /// </summary>
    public IPEndPoint? PrimarySiloEndpoint { get; init; }

    /// <summary>
    /// Azure Storage connection string for membership and reminders, needed by <see cref="ClusteringKind.AzureTable"/>.
    /// It is a secret: never log it.
    /// </summary>
    public string? TableConnectionString { get; init; }

    /// <summary>Silo name shown in run statuses and logs; null lets Orleans (or Kubernetes hosting) choose it.</summary>
    public string? SiloName { get; init; }

    /// <summary>Use Orleans' Kubernetes hosting: silo name, address and ids from the pod (downward API).</summary>
    public bool Kubernetes { get; init; }

    /// <summary>How often sweeps check their runs, and the period of their reminder.</summary>
    public RecoveryOptions Recovery { get; init; } = new();

    /// <summary>
    /// Membership timing for tests that kill silos; null keeps Orleans' defaults (a dead silo is declared
    /// after about 16 s).
    /// </summary>
    public TimeSpan? ProbeTimeout { get; init; }

    /// <exception cref="ArgumentException">A required setting is missing; the message names the variable to set.</exception>
    public void Validate()
    {
        if (Kind == ClusteringKind.AzureTable && string.IsNullOrWhiteSpace(TableConnectionString))
        {
            throw new ArgumentException(
                "FER_CLUSTERING=azuretable needs an Azure Storage connection string for the membership table: " +
                "set FER_STORAGE_CONNECTION_STRING or FER_STORAGE_CONNECTION_STRING_FILE.");
        }

        if (string.IsNullOrWhiteSpace(ClusterId) || string.IsNullOrWhiteSpace(ServiceId))
        {
            throw new ArgumentException("FER_CLUSTER_ID and FER_SERVICE_ID must not be empty when set.");
        }
    }
}
