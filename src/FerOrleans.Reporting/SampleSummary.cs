using System.Text.Json.Serialization;

namespace FerOrleans.Reporting;

/// <summary>
/// Mean, sample standard deviation and 95% Student t confidence interval of the mean of a sample.
/// The standard deviation and the interval are NaN when N &lt; 2, and every value but N is NaN when N = 0.
/// </summary>
/// <param name="N">The number of values.</param>
/// <param name="Mean">The arithmetic mean.</param>
/// <param name="StandardDeviation">The sample standard deviation, with divisor N - 1.</param>
/// <param name="ConfidenceLow">mean - t_{0.975, N-1} * sd / sqrt(N).</param>
/// <param name="ConfidenceHigh">mean + t_{0.975, N-1} * sd / sqrt(N).</param>
public sealed record SampleSummary(
    int N, double Mean, double StandardDeviation, double ConfidenceLow, double ConfidenceHigh)
{
    /// <summary>Whether the sample has the 2 values that a standard deviation and interval need.</summary>
    [JsonIgnore]
    public bool HasSpread => N >= 2;
}
