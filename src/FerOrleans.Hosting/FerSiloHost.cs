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
    /// <summary>A web application hosting one silo of the configured cluster; start it with <c>StartAsync</c>.</summary>
    /// <param name="options">Silo, cluster, storage and slot settings.</param>
    /// <param name="configureLogging">Replaces the single-line console logger when given.</param>
    /// <param name="configureServices">Runs after the silo's own registrations, so tests can replace services.</param>
    public static WebApplication Build(
        FerSiloOptions options,
        Action<ILoggingBuilder>? configureLogging = null,
        Action<IServiceCollection>? configureServices = null)
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
        builder.UseOrleans(silo => silo.UseFerCluster(options));
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    /// <summary>The address the metrics endpoint listens on, once the application has started.</summary>
    public static string MetricsAddress(this WebApplication app) => app.Urls.FirstOrDefault() ?? "";
}
