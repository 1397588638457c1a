namespace FerOrleans.Reporting;

/// <summary>The logarithm of the gamma function for positive arguments.</summary>
internal static class GammaFunction
{
    private const double HalfLogTwoPi = 0.91893853320467274178;

    // At x >= 15 the Stirling series below, cut after the x^-13 term, is accurate to about 1e-18.
    private const double StirlingLimit = 15.0;

    /// <summary>Computes ln Gamma(x) for x &gt; 0 from the Stirling series, shifting small x upwards.</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0) || double.IsPositiveInfinity(x))
        {
            throw new ArgumentOutOfRangeException(
                nameof(x), x, "LogGamma needs a finite positive argument.");
        }

        // ln Gamma(x) = ln Gamma(x + k) - ln(x (x + 1) ... (x + k - 1)).
        double shift = 0.0;
        double product = 1.0;
        while (x < StirlingLimit)
        {
            product *= x;
            x += 1.0;
            if (product > 1e280)
            {
                shift += Math.Log(product);
                product = 1.0;
            }
        }

        shift += Math.Log(product);
        return Stirling(x) - shift;
    }

    /// <summary>
    /// Computes ln B(a, b) = ln Gamma(a) + ln Gamma(b) - ln Gamma(a + b). When the larger argument is large,
    /// the difference ln Gamma(big) - ln Gamma(big + small) is formed from the Stirling series directly,
    /// because subtracting two large logarithms would lose about log10(big) digits.
    /// </summary>
    public static double LogBeta(double a, double b)
    {
        double small = Math.Min(a, b);
        double big = Math.Max(a, b);
        if (big < StirlingLimit)
        {
            return LogGamma(small) + LogGamma(big) - LogGamma(small + big);
        }

        double sum = big + small;
        double difference = -(big - 0.5) * LogOnePlus(small / big) - small * Math.Log(sum) + small
            + StirlingSeries(big) - StirlingSeries(sum);
        return LogGamma(small) + difference;
    }

    /// <summary>Computes ln(1 + u) without losing the digits of a small u.</summary>
    public static double LogOnePlus(double u)
    {
        double w = 1.0 + u;
        if (w == 1.0)
        {
            return u;
        }

        // The rounding error of w cancels in the ratio u / (w - 1).
        return Math.Log(w) * u / (w - 1.0);
    }

    // (x - 1/2) ln x - x + ln(2 pi)/2 + sum_k B_2k / (2k (2k - 1) x^(2k - 1)).
    private static double Stirling(double x) => (x - 0.5) * Math.Log(x) - x + HalfLogTwoPi + StirlingSeries(x);

    private static double StirlingSeries(double x)
    {
        double inverse = 1.0 / x;
        double inverseSquared = inverse * inverse;
        double series = inverse * (1.0 / 12.0 + inverseSquared * (-1.0 / 360.0 + inverseSquared * (1.0 / 1260.0
            + inverseSquared * (-1.0 / 1680.0 + inverseSquared * (1.0 / 1188.0
            + inverseSquared * (-691.0 / 360360.0 + inverseSquared * (1.0 / 156.0)))))));
        return series;
    }
}
