using System.ComponentModel;
using FerOrleans.Storage;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Infrastructure;

/// <summary>Options every command shares: where the store is and which cluster to talk to.</summary>
public class StoreSettings : CommandSettings
{
    [CommandOption("--store <PATH>")]
    [Description("Folder of the embedded store (grain state, data sets, checkpoints, results). Default: .fer")]
    public string Store { get; init; } = ".fer";

    [CommandOption("--azure-container <NAME>")]
    [Description("Use Azure Blob Storage with this container; the connection string comes from FER_STORAGE_CONNECTION_STRING or the file named by FER_STORAGE_CONNECTION_STRING_FILE.")]
    public string? AzureContainer { get; init; }

    [CommandOption("--connect <PORT>")]
    [Description("Talk to a running silo through its gateway on 127.0.0.1:PORT instead of starting one in this process.")]
    public int? Connect { get; init; }

    [CommandOption("--metrics-port <PORT>")]
    [Description("Port of the Prometheus endpoint on 127.0.0.1 that the command serves (the embedded silo's, or with "
        + "sweep watch --metrics the sweep metrics); 0 picks a free port. Default: 9464, 9465 for sweep watch.")]
    public int? MetricsPort { get; init; }

    /// <summary>Port of a silo's Prometheus endpoint: <see cref="MetricsPort"/> or 9464.</summary>
    public int SiloMetricsPort => MetricsPort ?? 9464;

    [CommandOption("--verbose")]
    [Description("Print the silo's log lines.")]
    public bool Verbose { get; init; }

    public StorageOptions StorageOptions()
    {
        if (AzureContainer is null)
        {
            return new StorageOptions { Kind = StorageKind.Local, LocalPath = Path.GetFullPath(Store) };
        }

        var fromEnvironment = FerOrleans.Storage.StorageOptions.FromEnvironment();
        if (fromEnvironment.Kind != StorageKind.AzureBlob)
        {
            throw new ArgumentException(
                "--azure-container needs a connection string: set FER_STORAGE_CONNECTION_STRING or FER_STORAGE_CONNECTION_STRING_FILE.");
        }
        return fromEnvironment with { Container = AzureContainer };
    }
}
