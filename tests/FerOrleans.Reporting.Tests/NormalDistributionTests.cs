namespace FerOrleans.Reporting.Tests;

public sealed class NormalDistributionTests
{
    [Fact]
    public void Quantile_0975_Is1959963984540054()
    {
        Assert.Equal(1.959963984540054, NormalDistribution.Quantile(0.975), 14);
    }

    [Fact]
    public void Quantile_FarLowerTail_MatchesMpmath()
    {
        double actual = NormalDistribution.Quantile(1e-10);

        Assert.True(Math.Abs(actual - -6.3613409024040562047) < 1e-13, $"got {actual:R}");
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(-0.2)]
    [InlineData(1.5)]
    public void Cdf_PlusSurvivalFunction_IsOne(double z)
    {
        Assert.Equal(1.0, NormalDistribution.Cdf(z) + NormalDistribution.SurvivalFunction(z), 15);
    }

    [Fact]
    public void SurvivalFunction_Infinities_GiveLimits()
    {
        Assert.Equal(1.0, NormalDistribution.SurvivalFunction(double.NegativeInfinity));
        Assert.Equal(0.0, NormalDistribution.SurvivalFunction(double.PositiveInfinity));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Quantile_ProbabilityOutsideOpenInterval_Throws(double probability)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.Quantile(probability));
    }
}
