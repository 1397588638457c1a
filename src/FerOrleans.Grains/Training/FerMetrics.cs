using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace FerOrleans.Grains.Training;

/// <summary>
/// The silo's training metrics. Names follow Prometheus conventions once exported: the unit becomes a
/// suffix and counters get <c>_total</c>. Run-level gauges cover active runs only.
/// </summary>
public sealed class FerMetrics : IDisposable
{
    public const string MeterName = "FerOrleans";

    private readonly Meter _meter;
    private readonly Counter<long> _steps;
    private readonly Counter<long> _images;
    private readonly Histogram<double> _checkpointSeconds;
    private readonly ConcurrentDictionary<string, ActiveRun> _active = new(StringComparer.Ordinal);

    public FerMetrics(IMeterFactory meterFactory, RunStateCounts runStates)
    {
        _meter = meterFactory.Create(MeterName);
        _steps = _meter.CreateCounter<long>("fer.training.steps", "{step}", "Optimiser steps taken, all runs.");
        _images = _meter.CreateCounter<long>("fer.training.images", "{image}", "Augmented views trained on, all runs.");
        _checkpointSeconds = _meter.CreateHistogram(
            "fer.checkpoint.write.duration", "s", "Time to store one checkpoint.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _meter.CreateObservableGauge("fer.run.images_per_second", ObserveImagesPerSecond, "{image}/s", "Training throughput of each active run.");
        _meter.CreateObservableGauge("fer.run.epoch", ObserveEpoch, "{epoch}", "Current epoch of each active run.");
        _meter.CreateObservableGauge("fer.run.loss", ObserveLoss, null, "Latest training loss of each active run.");
        _meter.CreateObservableGauge("fer.runs", () => runStates.Snapshot()
            .Select(p => new Measurement<int>(p.Value, new KeyValuePair<string, object?>("state", p.Key.ToString()))),
            "{run}", "Runs activated on this silo, by state.");
    }

    public void RecordStep(string runId, string approach, string phase, int epoch, double loss, double imagesPerSecond, int images)
    {
        _steps.Add(1, new KeyValuePair<string, object?>("approach", approach));
        _images.Add(images, new KeyValuePair<string, object?>("approach", approach));
        _active[runId] = new ActiveRun(approach, phase, epoch, loss, imagesPerSecond);
    }

    public void RecordCheckpoint(TimeSpan duration) => _checkpointSeconds.Record(duration.TotalSeconds);

    public void EndRun(string runId) => _active.TryRemove(runId, out _);

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<double>> ObserveImagesPerSecond() =>
        _active.Select(p => new Measurement<double>(p.Value.ImagesPerSecond, Tags(p.Key, p.Value)));

    private IEnumerable<Measurement<int>> ObserveEpoch() =>
        _active.Select(p => new Measurement<int>(p.Value.Epoch, Tags(p.Key, p.Value)));

    private IEnumerable<Measurement<double>> ObserveLoss() =>
        _active.Select(p => new Measurement<double>(p.Value.Loss, Tags(p.Key, p.Value)));

    private static KeyValuePair<string, object?>[] Tags(string runId, ActiveRun run) =>
    [
        new("run", runId),
        new("approach", run.Approach),
        new("phase", run.Phase),
    ];

    private sealed record ActiveRun(string Approach, string Phase, int Epoch, double Loss, double ImagesPerSecond);
}
