namespace FerOrleans.Reporting;

/// <summary>Student's t distribution with <c>df</c> degrees of freedom.</summary>
public static class StudentT
{
    // From this many degrees of freedom on, the quantile comes from the Cornish-Fisher expansion around
    // the normal quantile: its first omitted term is of order z^11 / df^5, far below 1e-16 here. Below it,
    // the incomplete beta function loses about (df / 2) * 1e-16 relative precision to the rounding of
    // df / (df + t^2), which stays under 1e-12.
    private const double ExpansionLimit = 1e4;

    private const int MaxIterations = 200;

    /// <summary>Computes P(T &lt;= t) for T ~ t(df); precise for df below about 1e4 (see ExpansionLimit).</summary>
    internal static double Cdf(double t, double degreesOfFreedom)
    {
        CheckDegreesOfFreedom(degreesOfFreedom);
        if (double.IsNaN(t))
        {
            return double.NaN;
        }

        double upperTail = UpperTail(Math.Abs(t), degreesOfFreedom);
        return t >= 0 ? 1.0 - upperTail : upperTail;
    }

    /// <summary>
    /// Computes the t with P(T &lt;= t) = probability for T ~ t(df). df may be fractional or positive infinity
    /// (the normal quantile).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The probability is not inside (0, 1), or df is not positive.
    /// </exception>
    public static double Quantile(double probability, double degreesOfFreedom)
    {
        CheckDegreesOfFreedom(degreesOfFreedom);
        if (!(probability > 0 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(probability), probability, "The t quantile needs a probability strictly between 0 and 1.");
        }

        if (probability == 0.5)
        {
            return 0.0;
        }

        if (degreesOfFreedom >= ExpansionLimit)
        {
            return CornishFisher(NormalDistribution.Quantile(probability), degreesOfFreedom);
        }

        // The distribution is symmetric: solve in the upper tail, where P(T > t) = 1 - probability.
        double tail = probability > 0.5 ? 1.0 - probability : probability;
        double t = SolveUpperTail(tail, degreesOfFreedom);
        return probability > 0.5 ? t : -t;
    }

    /// <summary>Computes the density of t(df) at t.</summary>
    internal static double Density(double t, double degreesOfFreedom)
    {
        CheckDegreesOfFreedom(degreesOfFreedom);
        double halfDf = degreesOfFreedom / 2.0;
        double logNormaliser = GammaFunction.LogGamma(halfDf + 0.5) - GammaFunction.LogGamma(halfDf)
            - 0.5 * Math.Log(degreesOfFreedom * Math.PI);
        return Math.Exp(logNormaliser - (halfDf + 0.5) * Math.Log(1.0 + t * t / degreesOfFreedom));
    }

    // P(T > t) = I_{df / (df + t^2)}(df / 2, 1 / 2) / 2 for t >= 0.
    private static double UpperTail(double t, double degreesOfFreedom)
    {
        if (double.IsPositiveInfinity(t))
        {
            return 0.0;
        }

        double ratio = t * t / degreesOfFreedom;
        double x = 1.0 / (1.0 + ratio);
        double y = ratio / (1.0 + ratio);
        return 0.5 * IncompleteBeta.Regularized(degreesOfFreedom / 2.0, 0.5, x, y);
    }

    // Newton steps on P(T > t) = tail inside a bracket that halves when a step would leave it.
    private static double SolveUpperTail(double tail, double degreesOfFreedom)
    {
        double low = 0.0;
        double high = 1.0;
        while (UpperTail(high, degreesOfFreedom) > tail)
        {
            low = high;
            high *= 2.0;
        }

        double t = 0.5 * (low + high);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            double excess = UpperTail(t, degreesOfFreedom) - tail;
            if (excess > 0)
            {
                low = t;
            }
            else
            {
                high = t;
            }

            double next = t + excess / Density(t, degreesOfFreedom);
            if (!(next > low && next < high))
            {
                next = 0.5 * (low + high);
            }

            if (Math.Abs(next - t) <= 1e-15 * t)
            {
                return next;
            }

            t = next;
        }

        return t;
    }

    // t = z + g1(z)/df + g2(z)/df^2 + g3(z)/df^3 + g4(z)/df^4 (Abramowitz and Stegun 26.7.5).
    private static double CornishFisher(double z, double degreesOfFreedom)
    {
        double z2 = z * z;
        double g1 = (z2 + 1.0) * z / 4.0;
        double g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0;
        double g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0;
        double g4 = ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * z / 92160.0;
        double inverse = 1.0 / degreesOfFreedom;
        return z + inverse * (g1 + inverse * (g2 + inverse * (g3 + inverse * g4)));
    }

    private static void CheckDegreesOfFreedom(double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(degreesOfFreedom), degreesOfFreedom, "Student's t needs positive degrees of freedom.");
        }
    }
}
