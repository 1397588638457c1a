namespace FerOrleans.Hosting;

/// <summary>
/// Instrument names of the <see cref="SweepMetrics.MeterName"/> meter, which <c>fer sweep watch --metrics</c>
/// serves. Accuracies are fractions from 0 to 1 and carry no unit, so the exporter adds no suffix.
/// </summary>
public static class SweepMetricNames
{
    /// <summary>Gauge of a sweep's runs, labelled by sweep and state.</summary>
    public const string Runs = "fer.sweep.runs";

    /// <summary>Gauge of the fraction (0 to 1) of a sweep done, averaged over its runs.</summary>
    public const string Progress = "fer.sweep.progress";

    /// <summary>Gauge of the finished (completed) repetitions of a cell.</summary>
    public const string Repetitions = "fer.sweep.cell.repetitions";

    /// <summary>Gauge of a cell's mean accuracy over its completed repetitions, labelled part=validation|test.</summary>
    public const string AccuracyMean = "fer.sweep.cell.accuracy.mean";

    /// <summary>Gauge of the lower end of the 95% Student t interval of a cell's mean accuracy.</summary>
    public const string AccuracyLow = "fer.sweep.cell.accuracy.ci95_low";

    /// <summary>Gauge of the upper end of the 95% Student t interval of a cell's mean accuracy.</summary>
    public const string AccuracyHigh = "fer.sweep.cell.accuracy.ci95_high";
}
