namespace FerOrleans.Reporting;

/// <summary>
/// The Mann-Whitney U rank-sum test, with the semantics of scipy 1.10
/// <c>scipy.stats.mannwhitneyu(x, y, alternative, method="auto", use_continuity=True)</c>.
/// </summary>
public static class MannWhitneyU
{
    // scipy's "auto" method is exact when at least one sample has at most this many values and there are no ties.
    private const int ExactMaxSampleSize = 8;

    /// <summary>
    /// Tests whether x and y come from the same distribution against <paramref name="alternative"/>.
    /// The p-value is exact when there are no ties and one sample has at most 8 values, otherwise it comes from
    /// the normal approximation with tie correction and continuity correction 0.5. A two-sided p-value is twice
    /// the one-sided p-value of max(U1, U2), clipped at 1.
    /// </summary>
    /// <exception cref="ArgumentException">A sample is empty or contains NaN.</exception>
    public static MannWhitneyResult Test(IReadOnlyList<double> x, IReadOnlyList<double> y, Alternative alternative)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        CheckSample(x, nameof(x));
        CheckSample(y, nameof(y));

        int n1 = x.Count;
        int n2 = y.Count;
        double[] combined = [.. x, .. y];
        (double[] ranks, double tieTerm) = Ranking.AverageRanks(combined);

        double rankSumOfX = 0.0;
        for (int i = 0; i < n1; i++)
        {
            rankSumOfX += ranks[i];
        }

        double u1 = rankSumOfX - n1 * (n1 + 1) / 2.0;
        double u2 = (double)n1 * n2 - u1;

        // The p-value always comes from the upper tail of the statistic picked here.
        (double statistic, double factor) = alternative switch
        {
            Alternative.Greater => (u1, 1.0),
            Alternative.Less => (u2, 1.0),
            Alternative.TwoSided => (Math.Max(u1, u2), 2.0),
            _ => throw new ArgumentOutOfRangeException(nameof(alternative), alternative, "Unknown alternative."),
        };

        bool exact = Math.Min(n1, n2) <= ExactMaxSampleSize && tieTerm == 0.0;
        double upperTail = exact
            ? MannWhitneyExactDistribution.SurvivalFunction((int)Math.Round(statistic), n1, n2)
            : NormalDistribution.SurvivalFunction(StandardizedStatistic(statistic, n1, n2, tieTerm));

        double p = Math.Clamp(upperTail * factor, 0.0, 1.0);
        return new MannWhitneyResult(u1, p, exact ? MannWhitneyMethod.Exact : MannWhitneyMethod.Asymptotic);
    }

    // z = (U - m n / 2 - 1/2) / sqrt(m n / 12 * ((N + 1) - sum(t^3 - t) / (N (N - 1)))). Subtracting the
    // continuity correction is right for every alternative because only the upper tail is used. With every
    // value tied the deviation is 0 and z = -inf, so the p-value is 1.
    private static double StandardizedStatistic(double statistic, int n1, int n2, double tieTerm)
    {
        double product = (double)n1 * n2;
        double total = n1 + n2;
        double variance = product / 12.0 * (total + 1.0 - tieTerm / (total * (total - 1.0)));
        double deviation = Math.Sqrt(variance);
        return (statistic - product / 2.0 - 0.5) / deviation;
    }

    private static void CheckSample(IReadOnlyList<double> sample, string name)
    {
        if (sample.Count == 0)
        {
            throw new ArgumentException("The Mann-Whitney U test needs at least one value in each sample.", name);
        }

        for (int i = 0; i < sample.Count; i++)
        {
            if (double.IsNaN(sample[i]))
            {
                throw new ArgumentException(
                    $"The Mann-Whitney U test got NaN at index {i}; remove missing values before testing.", name);
            }
        }
    }
}
