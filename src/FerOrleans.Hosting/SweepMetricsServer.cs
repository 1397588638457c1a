using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace FerOrleans.Hosting;

/// <summary>
/// A Prometheus endpoint <c>/metrics</c> that serves only <see cref="SweepMetrics"/>, for the aggregating client
/// (<c>fer sweep watch NAME --metrics</c>). It listens on 127.0.0.1 unless FER_METRICS_HOST names another
/// address (0.0.0.0 in a container, so Prometheus in another container can scrape it).
/// </summary>
public static class SweepMetricsServer
{
    /// <summary>Default port of the endpoint, next to the silo's 9464.</summary>
    public const int DefaultPort = 9465;

    /// <summary>Environment variable with the listen address, as for the silo's endpoint.</summary>
    public const string HostVariable = "FER_METRICS_HOST";

    /// <summary>A web application serving the sweep metrics; start it with <c>StartAsync</c>.</summary>
    /// <param name="port">Port to listen on; 0 picks a free one (see <see cref="FerSiloHost.MetricsAddress"/>).</param>
    /// <param name="host">Address to listen on; null reads FER_METRICS_HOST, then 127.0.0.1.</param>
    /// <exception cref="ArgumentException">The host is not an IP address.</exception>
    public static WebApplication Build(int port, string? host = null)
    {
        host ??= Environment.GetEnvironmentVariable(HostVariable) ?? "127.0.0.1";
        if (!IPAddress.TryParse(host, out var address))
        {
            throw new ArgumentException($"{HostVariable}='{host}' is not an IP address: use 127.0.0.1 or 0.0.0.0.");
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, port));
        builder.Services.AddSingleton<SweepMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(SweepMetrics.MeterName)
            .AddPrometheusExporter());

        var app = builder.Build();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
