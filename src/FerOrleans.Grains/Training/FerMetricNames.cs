namespace FerOrleans.Grains.Training;

/// <summary>
/// Instrument names of the <see cref="FerMetrics.MeterName"/> meter. The Prometheus exporter turns dots into
/// underscores, appends the unit (<c>_seconds</c>, <c>_bytes</c>, <c>_ratio</c>) and <c>_total</c> on counters:
/// <c>fer.checkpoint.write.duration</c> is scraped as <c>fer_checkpoint_write_duration_seconds</c>.
/// </summary>
public static class FerMetricNames
{
    /// <summary>Counter of optimiser steps, labelled by approach.</summary>
    public const string TrainingSteps = "fer.training.steps";

    /// <summary>Counter of augmented views trained on, labelled by approach.</summary>
    public const string TrainingImages = "fer.training.images";

    /// <summary>Gauge of runs activated on this silo, labelled by state.</summary>
    public const string Runs = "fer.runs";

    /// <summary>Gauge of training slots, labelled busy or idle.</summary>
    public const string Slots = "fer.slots";

    /// <summary>Gauge of the current epoch (1-based) of each active run.</summary>
    public const string RunEpoch = "fer.run.epoch";

    /// <summary>Gauge of the latest step loss of each active run.</summary>
    public const string RunLoss = "fer.run.loss";

    /// <summary>Gauge of the learning rate of each active run.</summary>
    public const string RunLearningRate = "fer.run.learning_rate";

    /// <summary>Gauge of the views per second of each active run's latest step.</summary>
    public const string RunThroughput = "fer.run.throughput";

    /// <summary>Gauge of the fraction (0 to 1) of each active run done, over all its phases.</summary>
    public const string RunProgress = "fer.run.progress";

    /// <summary>Gauge of the estimated seconds left of each active run.</summary>
    public const string RunEta = "fer.run.eta";

    /// <summary>Histogram of the time to store one checkpoint.</summary>
    public const string CheckpointWriteDuration = "fer.checkpoint.write.duration";

    /// <summary>Histogram of the size of each stored checkpoint.</summary>
    public const string CheckpointWriteSize = "fer.checkpoint.write.size";

    /// <summary>Histogram of blob store operation durations, labelled by operation, backend and outcome.</summary>
    public const string StorageOperationDuration = "fer.storage.operation.duration";

    /// <summary>Gauge of accelerator memory in use, per CUDA device; absent on silos without CUDA.</summary>
    public const string AcceleratorMemoryUsed = "fer.accelerator.memory.used";

    /// <summary>Gauge of accelerator memory in total, per CUDA device; absent on silos without CUDA.</summary>
    public const string AcceleratorMemoryTotal = "fer.accelerator.memory.total";
}
