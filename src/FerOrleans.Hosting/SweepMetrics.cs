using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Reporting;

namespace FerOrleans.Hosting;

/// <summary>
/// Sweep-level metrics computed from the latest <see cref="SweepStatus"/> of each watched sweep: runs by state,
/// progress and, per cell, the mean and 95% interval of validation and test accuracy over completed repetitions.
/// Cells with fewer than 2 completed repetitions report a mean but no interval.
/// </summary>
public sealed class SweepMetrics : IDisposable
{
    /// <summary>Name of the meter that holds every instrument of this class.</summary>
    public const string MeterName = "FerOrleans.Sweeps";

    private readonly Meter _meter;
    private readonly ConcurrentDictionary<string, SweepStatus> _sweeps = new(StringComparer.Ordinal);

    /// <summary>Creates the instruments on a meter of <paramref name="meterFactory"/>.</summary>
    public SweepMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _meter.CreateObservableGauge(SweepMetricNames.Runs, ObserveRuns, "{run}", "Runs of each sweep, by state.");
        _meter.CreateObservableGauge(SweepMetricNames.Progress, ObserveProgress, "1",
            "Fraction of each sweep done, averaged over its runs.");
        _meter.CreateObservableGauge(SweepMetricNames.Repetitions, ObserveRepetitions, "{run}",
            "Completed repetitions of each cell (approach, split, ratio).");
        _meter.CreateObservableGauge(SweepMetricNames.AccuracyMean, () => ObserveAccuracy(s => s.Mean), null,
            "Mean top-1 accuracy (0 to 1) of each cell over its completed repetitions.");
        _meter.CreateObservableGauge(SweepMetricNames.AccuracyLow, () => ObserveAccuracy(s => s.ConfidenceLow), null,
            "Lower end of the 95% Student t interval of each cell's mean accuracy.");
        _meter.CreateObservableGauge(SweepMetricNames.AccuracyHigh, () => ObserveAccuracy(s => s.ConfidenceHigh),
            null, "Upper end of the 95% Student t interval of each cell's mean accuracy.");
    }

    /// <summary>Replaces the status of the sweep that <paramref name="status"/> belongs to.</summary>
    public void Update(SweepStatus status) => _sweeps[status.Spec.Name] = status;

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<int>> ObserveRuns() =>
        from sweep in _sweeps.Values
        from state in Enum.GetValues<RunState>()
        select new Measurement<int>(sweep.Count(state), Tag("sweep", sweep.Spec.Name), Tag("state", state.ToString()));

    private IEnumerable<Measurement<double>> ObserveProgress() =>
        _sweeps.Values.Select(sweep => new Measurement<double>(Fraction(sweep), Tag("sweep", sweep.Spec.Name)));

    private IEnumerable<Measurement<int>> ObserveRepetitions() =>
        Cells().Select(cell => new Measurement<int>(cell.Completed.Count, CellTags(cell.Key)));

    private IEnumerable<Measurement<double>> ObserveAccuracy(Func<SampleSummary, double> statistic)
    {
        foreach (var cell in Cells().Where(c => c.Completed.Count > 0))
        {
            foreach (var (part, accuracy) in Parts)
            {
                var value = statistic(CellStatistics.Of(cell.Completed.Select(accuracy).ToArray()));
                if (double.IsFinite(value))
                {
                    yield return new Measurement<double>(value, [.. CellTags(cell.Key), Tag("part", part)]);
                }
            }
        }
    }

    private static readonly (string Part, Func<RunResult, double> Accuracy)[] Parts =
    [
        ("validation", r => r.ValidationAccuracy),
        ("test", r => r.TestAccuracy),
    ];

    private IEnumerable<(SweepCellKey Key, List<RunResult> Completed)> Cells() =>
        from sweep in _sweeps.Values
        from run in sweep.Runs
        let d = run.Definition
        group run by new SweepCellKey(sweep.Spec.Name, d.Approach, d.TrainFraction, d.AugmentationRatio) into cell
        select (cell.Key, cell.Where(r => r.State == RunState.Completed && r.Result is not null)
            .Select(r => r.Result!).ToList());

    private static double Fraction(SweepStatus sweep) => sweep.Runs.Count == 0
        ? 0
        : sweep.Runs.Average(r => r.State == RunState.Completed ? 1 : r.Progress?.Fraction ?? 0);

    private static KeyValuePair<string, object?>[] CellTags(SweepCellKey cell) =>
    [
        Tag("sweep", cell.Sweep),
        Tag("approach", cell.Approach),
        Tag("split", cell.TrainFraction.ToString(CultureInfo.InvariantCulture)),
        Tag("ratio", cell.AugmentationRatio.ToString(CultureInfo.InvariantCulture)),
    ];

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
