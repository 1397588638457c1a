using System.Globalization;
using System.Net;
using FerOrleans.Grains.Recovery;
using FerOrleans.Grains.Training;
using FerOrleans.Storage;

namespace FerOrleans.Hosting;

/// <summary>
/// Reads a silo's options from FER_* environment variables, as containers and the stand-alone silo run it.
/// Every variable is optional; a value that cannot be parsed is rejected with the variable's name.
/// </summary>
public static class FerSiloEnvironment
{
    /// <summary>Reads the options; <paramref name="readVariable"/> defaults to the process environment.</summary>
    /// <exception cref="ArgumentException">A variable has an invalid value; the message names it and the fix.</exception>
    public static FerSiloOptions Read(Func<string, string?>? readVariable = null)
    {
        readVariable ??= Environment.GetEnvironmentVariable;
        string? Read(string name) => readVariable(name) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

        var storage = ReadStorage(Read, readVariable);
        var defaults = new RecoveryOptions();
        var connectionString = StorageOptions.FromEnvironment(readVariable: readVariable).ConnectionString;
        var cluster = new FerClusterOptions
        {
            Kind = ParseClustering(Read("FER_CLUSTERING")),
            ClusterId = Read("FER_CLUSTER_ID") ?? FerClusterOptions.DefaultId,
            ServiceId = Read("FER_SERVICE_ID") ?? FerClusterOptions.DefaultId,
            AdvertisedAddress = ParseAddress("FER_ADVERTISED_IP", Read("FER_ADVERTISED_IP")),
            TableConnectionString = connectionString,
            Kubernetes = ParseBool("FER_KUBERNETES", Read("FER_KUBERNETES")),
            SiloName = Read("FER_SILO_NAME"),
            ProbeTimeout = ParseSeconds("FER_MEMBERSHIP_PROBE_SECONDS", Read("FER_MEMBERSHIP_PROBE_SECONDS")),
            Recovery = new RecoveryOptions
            {
                WatchdogPeriod = ParseSeconds("FER_WATCHDOG_SECONDS", Read("FER_WATCHDOG_SECONDS")) ?? defaults.WatchdogPeriod,
                ReminderPeriod = ParseSeconds("FER_REMINDER_SECONDS", Read("FER_REMINDER_SECONDS")) ?? defaults.ReminderPeriod,
            },
        };

        return new FerSiloOptions
        {
            Storage = storage,
            Cluster = cluster,
            SiloPort = ParseInt("FER_SILO_PORT", Read("FER_SILO_PORT")) ?? 11111,
            GatewayPort = ParseInt("FER_GATEWAY_PORT", Read("FER_GATEWAY_PORT")) ?? 30000,
            MetricsHost = Read("FER_METRICS_HOST") ?? "127.0.0.1",
            MetricsPort = ParseInt("FER_METRICS_PORT", Read("FER_METRICS_PORT")) ?? 9464,
            Slots = new TrainingSlotOptions
            {
                CpuSlots = ParseInt("FER_CPU_SLOTS", Read("FER_CPU_SLOTS")) ?? 1,
                CudaDevices = ParseIntList("FER_CUDA_DEVICES", Read("FER_CUDA_DEVICES")),
                SlotsPerDevice = ParseInt("FER_SLOTS_PER_DEVICE", Read("FER_SLOTS_PER_DEVICE")) ?? 1,
                TorchThreads = ParseInt("FER_TORCH_THREADS", Read("FER_TORCH_THREADS")) ?? 0,
            },
        };
    }

    private static StorageOptions ReadStorage(Func<string, string?> read, Func<string, string?> readVariable)
    {
        var defaults = new StorageOptions
        {
            LocalPath = read("FER_STORE_PATH") ?? StorageOptions.DefaultLocalPath,
            Container = read("FER_AZURE_CONTAINER") ?? StorageOptions.DefaultContainer,
        };
        var fromConnection = StorageOptions.FromEnvironment(defaults, readVariable);
        return read("FER_STORE_KIND")?.ToLowerInvariant() switch
        {
            null => fromConnection,
            // A connection string may be set for the membership table alone; the blobs stay local.
            "local" => fromConnection with { Kind = StorageKind.Local, ConnectionString = null },
            "azureblob" when fromConnection.Kind == StorageKind.AzureBlob => fromConnection,
            "azureblob" => throw new ArgumentException(
                "FER_STORE_KIND=azureblob needs FER_STORAGE_CONNECTION_STRING or FER_STORAGE_CONNECTION_STRING_FILE."),
            var other => throw new ArgumentException($"FER_STORE_KIND='{other}' is invalid; use local or azureblob."),
        };
    }

    private static ClusteringKind ParseClustering(string? text) => text?.ToLowerInvariant() switch
    {
        null or "localhost" => ClusteringKind.Localhost,
        "azuretable" => ClusteringKind.AzureTable,
        _ => throw new ArgumentException($"FER_CLUSTERING='{text}' is invalid; use localhost or azuretable."),
    };

    private static IPAddress? ParseAddress(string name, string? text)
    {
        if (text is null)
        {
            return null;
        }
        return IPAddress.TryParse(text, out var address)
            ? address
            : throw new ArgumentException($"{name}='{text}' is not an IP address; give the address other silos reach this one on.");
    }

    private static bool ParseBool(string name, string? text)
    {
        if (text is null)
        {
            return false;
        }
        return bool.TryParse(text, out var value)
            ? value
            : throw new ArgumentException($"{name}='{text}' is invalid; use true or false.");
    }

    private static int? ParseInt(string name, string? text)
    {
        if (text is null)
        {
            return null;
        }
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{name}='{text}' must be an integer.");
    }

    private static TimeSpan? ParseSeconds(string name, string? text)
    {
        if (text is null)
        {
            return null;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"{name}='{text}' must be a positive number of seconds.");
    }

    private static IReadOnlyList<int> ParseIntList(string name, string? text)
    {
        if (text is null)
        {
            return [];
        }
        return text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(item => ParseInt(name, item) ?? 0)
            .ToArray();
    }
}
