using System.Net;
using FerOrleans.Grains.Training;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FerOrleans.Hosting;

/// <summary>Builds a silo process: Orleans, the store, training slots and the metrics endpoint.</summary>
public static class FerSiloHost
{
    /// <summary>A web application hosting one silo on localhost clustering; start it with <c>StartAsync</c>.</summary>
    public static WebApplication Build(FerSiloOptions options, Action<ILoggingBuilder>? configureLogging = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (configureLogging is null)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }
        else
        {
            configureLogging(builder.Logging);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Parse(options.MetricsHost), options.MetricsPort));
        builder.Services
            .AddFerStorage(options.Storage)
            .AddFerTraining(options.Slots)
            .AddFerMetrics();
        builder.UseOrleans(silo => silo.UseLocalhostClustering(
            options.SiloPort, options.GatewayPort, serviceId: options.ClusterId, clusterId: options.ClusterId));

        var app = builder.Build();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    /// <summary>The address the metrics endpoint listens on, once the application has started.</summary>
    public static string MetricsAddress(this WebApplication app) => app.Urls.FirstOrDefault() ?? "";
}
