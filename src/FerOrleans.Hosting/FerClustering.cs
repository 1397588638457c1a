using System.Net;
using Azure.Data.Tables;
using FerOrleans.Grains.Placement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace FerOrleans.Hosting;

/// <summary>Cluster wiring of a silo or client: membership provider, ids, endpoints, reminders, placement.</summary>
public static class FerClustering
{
    /// <summary>Configures membership, endpoints and reminders of a silo, and the placement of runs.</summary>
    /// <exception cref="ArgumentException">The cluster options are incomplete.</exception>
    public static ISiloBuilder UseFerCluster(this ISiloBuilder silo, FerSiloOptions options)
    {
        var cluster = options.Cluster;
        cluster.Validate();
        if (cluster.Kubernetes)
        {
            // Silo name, advertised address and the cluster and service ids come from the pod.
            silo.UseKubernetesHosting();
        }

        switch (cluster.Kind)
        {
            case ClusteringKind.Localhost:
                silo.UseLocalhostClustering(
                    options.SiloPort, options.GatewayPort, cluster.PrimarySiloEndpoint, cluster.ServiceId, cluster.ClusterId);
                silo.UseInMemoryReminderService();
                break;
            case ClusteringKind.AzureTable:
                UseAzureTables(silo, options);
                break;
            default:
                throw new ArgumentException($"Clustering kind {cluster.Kind} is unknown; use localhost or azuretable.");
        }

        if (cluster.SiloName is { } name && !cluster.Kubernetes)
        {
            silo.Configure<SiloOptions>(o => o.SiloName = name);
        }

        ConfigureTiming(silo, cluster);
        silo.AddPlacementDirector<TrainingSlotPlacementStrategy, TrainingSlotPlacementDirector>();
        silo.AddPlacementDirector<SiloBoundPlacementStrategy, SiloBoundPlacementDirector>();
        silo.Services.AddSingleton<SlotDirectory>();
        silo.Services.AddSingleton(Options.Create(cluster.Recovery));
        return silo;
    }

    /// <summary>Configures how a client finds the gateways of the cluster.</summary>
    /// <param name="gatewayPort">Gateway port on 127.0.0.1 for <see cref="ClusteringKind.Localhost"/>.</param>
    public static IClientBuilder UseFerCluster(this IClientBuilder client, FerClusterOptions cluster, int gatewayPort)
    {
        cluster.Validate();
        if (cluster.Kind == ClusteringKind.Localhost)
        {
            return client.UseLocalhostClustering(gatewayPort, cluster.ServiceId, cluster.ClusterId);
        }

        client.UseAzureStorageClustering(o => o.TableServiceClient = TableClient(cluster));
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        return client;
    }

    private static void UseAzureTables(ISiloBuilder silo, FerSiloOptions options)
    {
        var cluster = options.Cluster;
        silo.UseAzureStorageClustering(o => o.TableServiceClient = TableClient(cluster));
        silo.UseAzureTableReminderService(o => o.TableServiceClient = TableClient(cluster));
        if (cluster.Kubernetes)
        {
            return;
        }

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        var advertised = cluster.AdvertisedAddress ?? IPAddress.Loopback;
        silo.ConfigureEndpoints(
            advertised, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: cluster.AdvertisedAddress is not null);
    }

    /// <summary>A table client of the cluster's account; <see cref="FerClusterOptions.Validate"/> checked the string.</summary>
    private static TableServiceClient TableClient(FerClusterOptions cluster) => new(cluster.TableConnectionString!);

    private static void ConfigureTiming(ISiloBuilder silo, FerClusterOptions cluster)
    {
        silo.Configure<ReminderOptions>(o =>
        {
            if (cluster.Recovery.ReminderPeriod < o.MinimumReminderPeriod)
            {
                o.MinimumReminderPeriod = cluster.Recovery.ReminderPeriod;
            }
        });

        if (cluster.ProbeTimeout is not { } probe)
        {
            return;
        }

        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = probe;
            o.NumMissedProbesLimit = 2;
            o.TableRefreshTimeout = probe;
            o.IAmAliveTablePublishTimeout = probe;
            o.DeathVoteExpirationTimeout = probe * 4;
        });
    }
}
