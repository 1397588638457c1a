using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace FerOrleans.Hosting;

/// <summary>
/// A Prometheus endpoint <c>/metrics</c> on 127.0.0.1 that serves only <see cref="SweepMetrics"/>, for the
/// aggregating client (<c>fer sweep watch NAME --metrics</c>).
/// </summary>
public static class SweepMetricsServer
{
    /// <summary>Default port of the endpoint, next to the silo's 9464.</summary>
    public const int DefaultPort = 9465;

    /// <summary>A web application serving the sweep metrics; start it with <c>StartAsync</c>.</summary>
    /// <param name="port">Port on 127.0.0.1; 0 picks a free one (see <see cref="FerSiloHost.MetricsAddress"/>).</param>
    public static WebApplication Build(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddSingleton<SweepMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(SweepMetrics.MeterName)
            .AddPrometheusExporter());

        var app = builder.Build();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
