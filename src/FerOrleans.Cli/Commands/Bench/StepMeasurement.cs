namespace FerOrleans.Cli.Commands.Bench;

/// <summary>Timings of repeated training steps of one <see cref="StepCase"/> by one implementation.</summary>
/// <param name="Implementation">"torchsharp" or the peer's "pytorch VERSION".</param>
/// <param name="StepMilliseconds">Wall time of each measured step, after warm-up, in milliseconds.</param>
/// <param name="Loss">Loss of the last step, to show that both sides computed a finite SupCon loss.</param>
public sealed record StepMeasurement(string Implementation, StepCase Case, double[] StepMilliseconds, double Loss)
{
    /// <summary>Views (48x48 images) per step: 32 images x 2 views.</summary>
    public const int ViewsPerStep = StepBenchmark.Images * StepBenchmark.Views;

    public double MedianMilliseconds => Median(StepMilliseconds);

    /// <summary>Views processed per second at the median step time.</summary>
    public double ImagesPerSecond => ViewsPerStep / (MedianMilliseconds / 1000.0);

    /// <summary>Returns the median of <paramref name="values"/>; the mean of the middle two for an even count.</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
