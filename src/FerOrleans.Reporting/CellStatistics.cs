namespace FerOrleans.Reporting;

/// <summary>Summary statistics of the repetitions of one configuration.</summary>
public static class CellStatistics
{
    /// <summary>The two-sided confidence level of <see cref="SampleSummary"/> intervals.</summary>
    public const double ConfidenceLevel = 0.95;

    /// <summary>Computes the mean, sample standard deviation and 95% Student t interval of the values.</summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static SampleSummary Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (int i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"Summary statistics need finite values, got {values[i]} at index {i}.", nameof(values));
            }
        }

        int n = values.Count;
        if (n == 0)
        {
            return new SampleSummary(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double mean = Mean(values);
        if (n == 1)
        {
            return new SampleSummary(1, mean, double.NaN, double.NaN, double.NaN);
        }

        double standardDeviation = Math.Sqrt(SumOfSquaredDeviations(values, mean) / (n - 1));
        double quantile = StudentT.Quantile(0.5 + ConfidenceLevel / 2.0, n - 1);
        double halfWidth = quantile * standardDeviation / Math.Sqrt(n);
        return new SampleSummary(n, mean, standardDeviation, mean - halfWidth, mean + halfWidth);
    }

    private static double Mean(IReadOnlyList<double> values)
    {
        double sum = 0.0;
        foreach (double value in values)
        {
            sum += value;
        }

        return sum / values.Count;
    }

    // Two passes: the deviations from the mean, so no large squares cancel.
    private static double SumOfSquaredDeviations(IReadOnlyList<double> values, double mean)
    {
        double sum = 0.0;
        foreach (double value in values)
        {
            double deviation = value - mean;
            sum += deviation * deviation;
        }

        return sum;
    }
}
