namespace FerOrleans.Reporting;

/// <summary>The standard normal distribution.</summary>
public static class NormalDistribution
{
    private const double Sqrt2 = 1.4142135623730950488;
    private const double OneOverSqrtTwoPi = 0.39894228040143267794;

    /// <summary>Computes the density of N(0, 1) at z.</summary>
    public static double Density(double z) => OneOverSqrtTwoPi * Math.Exp(-0.5 * z * z);

    /// <summary>Computes P(Z &lt;= z) for Z ~ N(0, 1), accurate in the lower tail.</summary>
    public static double Cdf(double z) => 0.5 * ErrorFunction.Erfc(-z / Sqrt2);

    /// <summary>Computes P(Z &gt; z) for Z ~ N(0, 1), accurate in the upper tail; SF(-inf) = 1, SF(+inf) = 0.</summary>
    public static double SurvivalFunction(double z) => 0.5 * ErrorFunction.Erfc(z / Sqrt2);

    /// <summary>Computes the z with P(Z &lt;= z) = probability, for probability in (0, 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The probability is not inside (0, 1).</exception>
    public static double Quantile(double probability)
    {
        if (!(probability > 0 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(probability), probability, "The normal quantile needs a probability strictly between 0 and 1.");
        }

        if (probability > 0.5)
        {
            return -Quantile(1.0 - probability);
        }

        return LowerTailQuantile(probability);
    }

    // Newton steps on ln Phi(z) = ln p, for p <= 0.5 (z <= 0), started from the tail approximation
    // z = -sqrt(-2 ln p). ln Phi is concave, so the steps approach the root from one side.
    private static double LowerTailQuantile(double probability)
    {
        if (probability == 0.5)
        {
            return 0.0;
        }

        double target = Math.Log(probability);
        double z = -Math.Sqrt(-2.0 * target);
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double cdf = Cdf(z);
            double step = (Math.Log(cdf) - target) * cdf / Density(z);
            z -= step;
            if (Math.Abs(step) <= 1e-15 * Math.Max(1.0, Math.Abs(z)))
            {
                break;
            }
        }

        return z;
    }
}
