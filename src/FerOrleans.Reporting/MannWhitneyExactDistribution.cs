namespace FerOrleans.Reporting;

/// <summary>The null distribution of the Mann-Whitney U statistic for samples of sizes m and n without ties.</summary>
internal static class MannWhitneyExactDistribution
{
    /// <summary>Computes P(U &gt;= u) under the null hypothesis for sample sizes m and n.</summary>
    public static double SurvivalFunction(int u, int m, int n)
    {
        double[] counts = Counts(m, n);
        if (u <= 0)
        {
            return 1.0;
        }

        if (u >= counts.Length)
        {
            return 0.0;
        }

        // Summed from the largest U downwards, so the small tail terms are added first.
        double tail = 0.0;
        for (int k = counts.Length - 1; k >= u; k--)
        {
            tail += counts[k];
        }

        double total = 0.0;
        for (int k = counts.Length - 1; k >= 0; k--)
        {
            total += counts[k];
        }

        return tail / total;
    }

    /// <summary>
    /// Computes the number of orderings of m x-values and n y-values that give U = k, for k = 0..m*n:
    /// the coefficients of the Gaussian binomial [m + n, m]_q.
    /// </summary>
    /// <remarks>
    /// Uses [N, j]_q = [N - 1, j - 1]_q + q^j [N - 1, j]_q, which only adds non-negative numbers, so the
    /// counts keep double precision. The cost is about (m + n) * min(m, n)^2 * max(m, n) additions.
    /// </remarks>
    public static double[] Counts(int m, int n)
    {
        int small = Math.Min(m, n);
        int total = m + n;

        // gaussian[j] contains [N, j]_q for the current N, with degree j * (N - j).
        double[][] gaussian = new double[small + 1][];
        gaussian[0] = [1.0];
        for (int j = 1; j <= small; j++)
        {
            gaussian[j] = [];
        }

        for (int size = 1; size <= total; size++)
        {
            for (int j = Math.Min(size, small); j >= 1; j--)
            {
                gaussian[j] = NextCoefficients(gaussian[j - 1], gaussian[j], j, j * (size - j));
            }
        }

        return gaussian[small];
    }

    // Coefficients of [N - 1, j - 1]_q + q^j [N - 1, j]_q, a polynomial of the given degree.
    private static double[] NextCoefficients(double[] withoutLast, double[] withLast, int shift, int degree)
    {
        double[] next = new double[degree + 1];
        for (int k = 0; k < withoutLast.Length && k <= degree; k++)
        {
            next[k] += withoutLast[k];
        }

        for (int k = 0; k < withLast.Length && k + shift <= degree; k++)
        {
            next[k + shift] += withLast[k];
        }

        return next;
    }
}
