using FerOrleans.Contracts.Sweeps;
using FerOrleans.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FerOrleans.Cli.Infrastructure;

/// <summary>The running sweep metrics endpoint of <c>fer sweep watch --metrics</c>.</summary>
public sealed class SweepMetricsEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SweepMetrics _metrics;

    private SweepMetricsEndpoint(WebApplication app)
    {
        _app = app;
        _metrics = app.Services.GetRequiredService<SweepMetrics>();
    }

    /// <summary>The address of <c>/metrics</c>, once started.</summary>
    public string Address => _app.MetricsAddress() + "/metrics";

    /// <summary>
    /// Starts the endpoint on 127.0.0.1:<paramref name="port"/> (or the address in FER_METRICS_HOST) and prints
    /// its address.
    /// </summary>
    /// <exception cref="InvalidOperationException">The port is in use.</exception>
    public static async Task<SweepMetricsEndpoint> StartAsync(int port, CancellationToken cancellationToken)
    {
        var app = SweepMetricsServer.Build(port);
        var endpoint = new SweepMetricsEndpoint(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException(
                $"Port {port} for the sweep metrics endpoint is already in use. " +
                "Pass --metrics-port with a free port, or 0 to pick one.", ex);
        }
        AnsiConsole.MarkupLineInterpolated($"[grey]sweep metrics on {endpoint.Address}[/]");
        return endpoint;
    }

    /// <summary>Publishes the latest status of a sweep.</summary>
    public void Update(SweepStatus status) => _metrics.Update(status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
