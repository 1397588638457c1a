using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace FerOrleans.Grains.Training;

/// <summary>
/// The silo's training and storage metrics (instrument names in <see cref="FerMetricNames"/>). Labels are
/// bounded: histograms and counters carry no run id, and the run-level gauges report only runs that train on
/// this silo now, so a run's series disappear from the next scrape after it ends.
/// </summary>
public sealed class FerMetrics : IDisposable
{
    /// <summary>Name of the meter that holds every instrument of this class.</summary>
    public const string MeterName = "FerOrleans";

    private static readonly double[] SecondsBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    // 10 kB to 1 GB: a width-16 ResNet-18 checkpoint is a few MB, a width-64 one with its optimiser about 90 MB.
    private static readonly long[] BytesBuckets =
        [10_000, 100_000, 1_000_000, 4_000_000, 16_000_000, 64_000_000, 256_000_000, 1_000_000_000];

    private readonly Meter _meter;
    private readonly Counter<long> _steps;
    private readonly Counter<long> _images;
    private readonly Histogram<double> _checkpointSeconds;
    private readonly Histogram<long> _checkpointBytes;
    private readonly Histogram<double> _storageSeconds;
    private readonly ConcurrentDictionary<string, ActiveRun> _active = new(StringComparer.Ordinal);
    private readonly Func<int> _slotCount;
    private int _busySlots;

    /// <summary>Creates the instruments on a meter of <paramref name="meterFactory"/>.</summary>
    /// <param name="meterFactory">The host's meter factory, so the exporter finds the meter.</param>
    /// <param name="runStates">States of the runs activated on this silo.</param>
    /// <param name="slotCount">Training slots of this silo, read at every collection.</param>
    /// <param name="accelerator">CUDA device memory, or null on a silo that trains on the CPU.</param>
    public FerMetrics(
        IMeterFactory meterFactory, RunStateCounts runStates, Func<int> slotCount, AcceleratorMemory? accelerator)
    {
        _slotCount = slotCount;
        _meter = meterFactory.Create(MeterName);
        _steps = _meter.CreateCounter<long>(FerMetricNames.TrainingSteps, "{step}", "Optimiser steps taken, all runs.");
        _images = _meter.CreateCounter<long>(
            FerMetricNames.TrainingImages, "{image}", "Augmented views trained on, all runs.");
        _checkpointSeconds = _meter.CreateHistogram(
            FerMetricNames.CheckpointWriteDuration, "s", "Time to store one checkpoint.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _checkpointBytes = _meter.CreateHistogram<long>(
            FerMetricNames.CheckpointWriteSize, "By", "Size of one stored checkpoint.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = BytesBuckets });
        _storageSeconds = _meter.CreateHistogram(
            FerMetricNames.StorageOperationDuration, "s", "Duration of one blob store operation.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

        _meter.CreateObservableGauge(FerMetricNames.Runs, () => ObserveRunStates(runStates), "{run}",
            "Runs activated on this silo, by state.");
        _meter.CreateObservableGauge(FerMetricNames.Slots, ObserveSlots, "{slot}", "Training slots, busy or idle.");
        CreateRunGauges();
        if (accelerator is not null)
        {
            _meter.CreateObservableGauge(FerMetricNames.AcceleratorMemoryUsed, accelerator.ObserveUsed, "By",
                "Memory in use on each CUDA device.");
            _meter.CreateObservableGauge(FerMetricNames.AcceleratorMemoryTotal, accelerator.ObserveTotal, "By",
                "Memory of each CUDA device.");
        }
    }

    /// <summary>Marks a slot busy with <paramref name="runId"/>; <see cref="EndRun"/> frees it.</summary>
    public void StartRun(string runId, string sweep, string approach)
    {
        if (_active.TryAdd(runId, new ActiveRun(sweep, approach)))
        {
            Interlocked.Increment(ref _busySlots);
        }
    }

    /// <summary>Counts one optimiser step and updates the run's gauges.</summary>
    public void RecordStep(string runId, string phase, int epoch, double loss, double learningRate,
        double imagesPerSecond, int images)
    {
        if (!_active.TryGetValue(runId, out var run))
        {
            return;
        }

        var approach = new KeyValuePair<string, object?>("approach", run.Approach);
        _steps.Add(1, approach);
        _images.Add(images, approach);
        _active[runId] = run with
        {
            Phase = phase,
            Epoch = epoch,
            Loss = loss,
            LearningRate = learningRate,
            ImagesPerSecond = imagesPerSecond,
        };
    }

    /// <summary>Updates the run's progress fraction and ETA gauges.</summary>
    public void RecordProgress(string runId, double fraction, TimeSpan? remaining)
    {
        if (_active.TryGetValue(runId, out var run))
        {
            _active[runId] = run with { Progress = fraction, Remaining = remaining };
        }
    }

    /// <summary>Records the duration and size of one stored checkpoint.</summary>
    public void RecordCheckpoint(TimeSpan duration, long bytes)
    {
        _checkpointSeconds.Record(duration.TotalSeconds);
        _checkpointBytes.Record(bytes);
    }

    /// <summary>Records one blob store operation.</summary>
    /// <param name="operation">get, put, delete, list or exists.</param>
    /// <param name="backend">local or azureblob.</param>
    /// <param name="outcome">ok, conflict or error.</param>
    /// <param name="duration">Time the operation took.</param>
    public void RecordStorage(string operation, string backend, string outcome, TimeSpan duration) =>
        _storageSeconds.Record(
            duration.TotalSeconds,
            new KeyValuePair<string, object?>("operation", operation),
            new KeyValuePair<string, object?>("backend", backend),
            new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Frees the run's slot and removes its run-level series.</summary>
    public void EndRun(string runId)
    {
        if (_active.TryRemove(runId, out _))
        {
            Interlocked.Decrement(ref _busySlots);
        }
    }

    public void Dispose() => _meter.Dispose();

    private void CreateRunGauges()
    {
        _meter.CreateObservableGauge(FerMetricNames.RunEpoch, () => ObserveRuns(r => r.Epoch), "{epoch}",
            "Current epoch of each active run, counted from 1 within its phase.");
        _meter.CreateObservableGauge(FerMetricNames.RunLoss, () => ObserveRuns(r => r.Loss), null,
            "Latest step loss of each active run.");
        _meter.CreateObservableGauge(FerMetricNames.RunLearningRate, () => ObserveRuns(r => r.LearningRate), null,
            "Learning rate of each active run.");
        _meter.CreateObservableGauge(FerMetricNames.RunThroughput, () => ObserveRuns(r => r.ImagesPerSecond),
            "{image}/s", "Augmented views per second of each active run's latest step.");
        _meter.CreateObservableGauge(FerMetricNames.RunProgress, () => ObserveRuns(r => r.Progress), "1",
            "Fraction of each active run done, over all its phases.");
        _meter.CreateObservableGauge(FerMetricNames.RunEta, ObserveEta, "s",
            "Estimated time left of each active run.");
    }

    private IEnumerable<Measurement<double>> ObserveRuns(Func<ActiveRun, double> value) =>
        _active.Where(p => p.Value.Phase.Length > 0)
            .Select(p => new Measurement<double>(value(p.Value), RunTags(p.Key, p.Value)));

    private IEnumerable<Measurement<double>> ObserveEta() =>
        _active.Where(p => p.Value.Remaining is not null)
            .Select(p => new Measurement<double>(p.Value.Remaining!.Value.TotalSeconds, RunTags(p.Key, p.Value)));

    private IEnumerable<Measurement<int>> ObserveSlots()
    {
        var total = _slotCount();
        var busy = Math.Min(Volatile.Read(ref _busySlots), total);
        yield return new Measurement<int>(busy, new KeyValuePair<string, object?>("state", "busy"));
        yield return new Measurement<int>(total - busy, new KeyValuePair<string, object?>("state", "idle"));
    }

    private static IEnumerable<Measurement<int>> ObserveRunStates(RunStateCounts runStates) =>
        runStates.Snapshot().Select(p => new Measurement<int>(
            p.Value, new KeyValuePair<string, object?>("state", p.Key.ToString())));

    private static KeyValuePair<string, object?>[] RunTags(string runId, ActiveRun run) =>
    [
        new("run", runId),
        new("sweep", run.Sweep),
        new("approach", run.Approach),
        new("phase", run.Phase),
    ];
}
