using System.ComponentModel;
using FerOrleans.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Sweep;

/// <summary>Settings of <c>fer sweep watch NAME</c>.</summary>
public sealed class SweepWatchSettings : SweepNameSettings
{
    [CommandOption("--metrics")]
    [Description("Serve the sweep's metrics (runs by state, per-cell accuracy means and 95% intervals) for "
        + "Prometheus on http://127.0.0.1:PORT/metrics while watching; PORT is --metrics-port, default 9465.")]
    public bool Metrics { get; init; }

    /// <summary>Port of the sweep metrics endpoint: <c>--metrics-port</c> or <see cref="SweepMetricsServer.DefaultPort"/>.</summary>
    public int SweepMetricsPort => MetricsPort ?? SweepMetricsServer.DefaultPort;

    public override ValidationResult Validate()
    {
        if (MetricsPort is < 0 or > 65535)
        {
            return ValidationResult.Error($"--metrics-port {MetricsPort} is not a port: use 0 to 65535 (0 picks a free one).");
        }
        if (MetricsPort is not null && !Metrics)
        {
            return ValidationResult.Error("--metrics-port sets the port of --metrics: add --metrics to serve the sweep metrics.");
        }
        return ValidationResult.Success();
    }
}
