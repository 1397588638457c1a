namespace FerOrleans.Reporting;

/// <summary>The regularised incomplete beta function I_x(a, b).</summary>
internal static class IncompleteBeta
{
    private const int MaxIterations = 100_000;
    // Just above the spacing of doubles next to 1, so a converged step ends the loop.
    private const double Tolerance = 4e-16;
    private const double Tiny = 1e-300;

    /// <summary>Computes I_x(a, b) for a, b &gt; 0 and x in [0, 1] from the continued fraction.</summary>
    public static double Regularized(double a, double b, double x) => Regularized(a, b, x, 1.0 - x);

    /// <summary>
    /// Computes I_x(a, b) given both x and y = 1 - x, so a caller that knows 1 - x more precisely than
    /// the rounded x keeps those digits (x near 1 with a large a).
    /// </summary>
    public static double Regularized(double a, double b, double x, double y)
    {
        if (!(a > 0) || !(b > 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(a), $"The incomplete beta function needs a > 0 and b > 0, got a = {a}, b = {b}.");
        }

        if (!(x >= 0 && x <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "The incomplete beta function needs x in [0, 1].");
        }

        if (x == 0 || x == 1)
        {
            return x;
        }

        // The fraction converges fast for x < (a + 1) / (a + b + 2); above that,
        // I_x(a, b) = 1 - I_{1-x}(b, a) is evaluated instead.
        if (x > (a + 1) / (a + b + 2))
        {
            return 1.0 - Regularized(b, a, y, x);
        }

        double logFront = a * Math.Log(x) + b * Math.Log(y) - GammaFunction.LogBeta(a, b);
        return Math.Exp(logFront) * ContinuedFraction(a, b, x) / a;
    }

    // 1 / (1 + d1 / (1 + d2 / (1 + ...))) with the even and odd coefficients d_2m and d_2m+1,
    // evaluated with the modified Lentz method.
    private static double ContinuedFraction(double a, double b, double x)
    {
        double c = 1.0;
        double d = NonZero(1.0 - (a + b) * x / (a + 1.0));
        d = 1.0 / d;
        double fraction = d;
        for (int m = 1; m <= MaxIterations; m++)
        {
            double even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            d = 1.0 / NonZero(1.0 + even * d);
            c = NonZero(1.0 + even / c);
            fraction *= d * c;

            double odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1.0 / NonZero(1.0 + odd * d);
            c = NonZero(1.0 + odd / c);
            double delta = d * c;
            fraction *= delta;
            if (Math.Abs(delta - 1.0) < Tolerance)
            {
                return fraction;
            }
        }

        throw new ArithmeticException(
            $"The incomplete beta continued fraction did not converge in {MaxIterations} iterations "
            + $"for a = {a}, b = {b}, x = {x}.");
    }

    private static double NonZero(double value) => Math.Abs(value) < Tiny ? Tiny : value;
}
