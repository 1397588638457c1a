using FerOrleans.Storage;
using Microsoft.Extensions.Logging;
using TorchSharp;

namespace FerOrleans.Grains.Training;

/// <summary>What every run job of a silo shares.</summary>
public sealed record RunJobContext(
    IGrainFactory Grains,
    IBlobStore Store,
    DatasetCache Datasets,
    FerMetrics Metrics,
    torch.Device Device,
    string SiloName,
    TimeSpan ProgressInterval,
    Func<string, string> DatasetPreprocessing,
    ILogger Logger)
{
    /// <summary>Retries of checkpoint reads and writes after transient store errors.</summary>
    public StorageRetryOptions StorageRetry { get; init; } = new();
}
