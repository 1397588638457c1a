using FerOrleans.Contracts.Runs;
using FerOrleans.Grains.Training;
using FerOrleans.Learning.Training;
using FerOrleans.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Orleans.Configuration;
using Orleans.Storage;
using TorchSharp;

namespace FerOrleans.Hosting;

/// <summary>The silo's subsystems, one extension method each.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The blob store of the configured backend, shared by grain state, data sets and checkpoints.</summary>
    public static IServiceCollection AddFerStorage(this IServiceCollection services, StorageOptions storage)
    {
        services.AddSingleton(storage);
        services.AddSingleton(_ => BlobStoreFactory.Create(storage));
        services.AddKeyedSingleton<IGrainStorage>(
            Grains.StoreKeys.GrainStorage, (sp, _) => new BlobGrainStorage(sp.GetRequiredService<IBlobStore>()));
        return services;
    }

    /// <summary>Training slots, the data-set cache and the torch device of this silo.</summary>
    public static IServiceCollection AddFerTraining(this IServiceCollection services, TrainingSlotOptions slots)
    {
        services.AddSingleton(Options.Create(slots));
        services.AddSingleton<RunStateCounts>();
        services.AddSingleton<DatasetCache>();
        services.AddSingleton<ICudaDeviceCount, TorchCudaDeviceCount>();
        services.AddSingleton(CreateJobContext);
        services.AddSingleton<Func<RunDefinition, TrainingSlot, IRunJob>>(sp =>
        {
            var context = sp.GetRequiredService<RunJobContext>();
            var cpu = context with { Device = torch.CPU };
            return (run, slot) => slot.CudaDevice switch
            {
                // Each CUDA slot trains on its own device; CPU slots stay on the CPU once devices are declared.
                { } id => new RunJob(run, context with { Device = new torch.Device(DeviceType.CUDA, id) }),
                null when slots.CudaDevices.Count > 0 => new RunJob(run, cpu),
                null => new RunJob(run, context),
            };
        });
        services.AddSingleton<TrainingSlots>();
        services.AddHostedService(sp => sp.GetRequiredService<TrainingSlots>());
        return services;
    }

    /// <summary>The FerOrleans, Orleans and .NET runtime meters, exported for Prometheus.</summary>
    public static IServiceCollection AddFerMetrics(this IServiceCollection services)
    {
        services.AddSingleton<FerMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(FerMetrics.MeterName, "Microsoft.Orleans")
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return services;
    }

    private static RunJobContext CreateJobContext(IServiceProvider services)
    {
        var slots = services.GetRequiredService<IOptions<TrainingSlotOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("FerOrleans.Training");
        torch.set_num_threads(slots.EffectiveTorchThreads);
        var device = TorchDevice.Select(message => logger.LogInformation("{Message}", message));
        var datasets = services.GetRequiredService<DatasetCache>();
        var silo = services.GetRequiredService<IOptions<SiloOptions>>().Value.SiloName;

        return new RunJobContext(
            services.GetRequiredService<IGrainFactory>(),
            services.GetRequiredService<IBlobStore>(),
            datasets,
            services.GetRequiredService<FerMetrics>(),
            device,
            silo,
            slots.ProgressInterval,
            datasets.Preprocessing,
            logger);
    }
}
