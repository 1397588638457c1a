using System.Diagnostics.Metrics;
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
    /// <summary>Meter of the Orleans runtime: about 50 <c>orleans_*</c> families (messaging, grains, catalog).</summary>
    private const string OrleansMeterName = "Microsoft.Orleans";

    // Orleans records request latency in milliseconds; 0.5 ms to 30 s covers local calls and the 30 s timeout.
    private static readonly double[] MillisecondBuckets =
        [0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000];

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

    /// <summary>
    /// The FerOrleans, Orleans and .NET runtime meters, exported for Prometheus. Call after
    /// <see cref="AddFerStorage"/>: the blob store registered there is wrapped to measure its operations.
    /// </summary>
    public static IServiceCollection AddFerMetrics(this IServiceCollection services)
    {
        services.AddSingleton(CreateMetrics);
        DecorateBlobStore(services);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(FerMetrics.MeterName, OrleansMeterName)
            .AddRuntimeInstrumentation()
            .AddView(OrleansMillisecondBuckets)
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Bucket boundaries for the Orleans histograms in milliseconds; null keeps the default of others.</summary>
    private static MetricStreamConfiguration? OrleansMillisecondBuckets(Instrument instrument) =>
        instrument.Meter.Name == OrleansMeterName && instrument.Unit == "ms" && IsHistogram(instrument)
            ? new ExplicitBucketHistogramConfiguration { Boundaries = MillisecondBuckets }
            : null;

    private static bool IsHistogram(Instrument instrument) =>
        instrument.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(Histogram<>);

    private static FerMetrics CreateMetrics(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("FerOrleans.Metrics");
        return new FerMetrics(
            services.GetRequiredService<IMeterFactory>(),
            services.GetRequiredService<RunStateCounts>(),
            () => services.GetService<TrainingSlots>()?.SlotCount ?? 0,
            AcceleratorMemory.TryCreate(torch.cuda.is_available(), logger));
    }

    /// <summary>Replaces the registered <see cref="IBlobStore"/> with a <see cref="MeteredBlobStore"/> around it.</summary>
    private static void DecorateBlobStore(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IBlobStore) && !d.IsKeyedService);
        if (registered?.ImplementationFactory is not { } create)
        {
            return;
        }

        services.Remove(registered);
        services.AddSingleton<IBlobStore>(sp => new MeteredBlobStore(
            (IBlobStore)create(sp),
            sp.GetRequiredService<StorageOptions>().Kind,
            sp.GetRequiredService<FerMetrics>()));
    }

    private static RunJobContext CreateJobContext(IServiceProvider services)
    {
        var slots = services.GetRequiredService<IOptions<TrainingSlotOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("FerOrleans.Training");
        torch.set_num_threads(slots.EffectiveTorchThreads);
        logger.LogInformation("{Message}", NativeHeap.Configure().Description);
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
            logger)
        {
            StorageRetry = services.GetRequiredService<StorageOptions>().Retry,
        };
    }
}
