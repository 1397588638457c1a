namespace FerOrleans.Reporting.Tests;

public sealed class StudentTTests
{
    private const double Tolerance = 1e-10;

    // The first five values are scipy's stats.t.ppf; the others come from mpmath 1.3 at 40 digits.
    [Theory]
    [InlineData(0.975, 1.0, 12.706204736174698)]
    [InlineData(0.975, 2.0, 4.302652729749464)]
    [InlineData(0.975, 9.0, 2.2621571627982053)]
    [InlineData(0.975, 29.0, 2.045229642132703)]
    [InlineData(0.975, double.PositiveInfinity, 1.959963984540054)]
    [InlineData(0.975, 3.0, 3.1824463052837095927)]
    [InlineData(0.975, 4.0, 2.7764451051977943578)]
    [InlineData(0.975, 7.0, 2.36462425159278534168)]
    [InlineData(0.975, 100.0, 1.9839715185235522866)]
    [InlineData(0.975, 9999.0, 1.9602012636213576804)]
    [InlineData(0.975, 10000.0, 1.9602012398906262578)]
    [InlineData(0.975, 100000.0, 1.9599877075346096386)]
    [InlineData(0.975, 1000000.0, 1.9599663568141070353)]
    [InlineData(0.995, 5.0, 4.0321429835552280784)]
    [InlineData(0.9, 3.0, 1.6377443536962101055)]
    [InlineData(0.999, 5000.0, 3.0918631199609818298)]
    [InlineData(0.999, 50000.0, 3.0903953166253844058)]
    public void Quantile_KnownValue_MatchesTo1e10(double probability, double degreesOfFreedom, double expected)
    {
        double actual = StudentT.Quantile(probability, degreesOfFreedom);

        Assert.True(
            Math.Abs(actual - expected) <= Tolerance,
            $"t({probability}, {degreesOfFreedom}) = {actual:R}, expected {expected:R}");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(6.0)]
    [InlineData(1e6)]
    public void Quantile_LowerProbability_IsNegatedUpper(double degreesOfFreedom)
    {
        Assert.Equal(-StudentT.Quantile(0.975, degreesOfFreedom), StudentT.Quantile(0.025, degreesOfFreedom), 12);
    }

    [Fact]
    public void Quantile_Half_IsZero()
    {
        Assert.Equal(0.0, StudentT.Quantile(0.5, 3.0));
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(0.0, 5.0)]
    [InlineData(0.975, 0.0)]
    [InlineData(0.975, -2.0)]
    public void Quantile_InvalidArgument_Throws(double probability, double degreesOfFreedom)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(probability, degreesOfFreedom));
    }

    [Theory]
    [InlineData(0.6, 2.5)]
    [InlineData(0.99, 12.0)]
    public void Cdf_OfQuantile_GivesProbabilityBack(double probability, double degreesOfFreedom)
    {
        double t = StudentT.Quantile(probability, degreesOfFreedom);

        Assert.Equal(probability, StudentT.Cdf(t, degreesOfFreedom), 14);
    }
}
