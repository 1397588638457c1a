namespace FerOrleans.Reporting.Tests;

public sealed class ErrorFunctionTests
{
    // erfc from mpmath 1.3 at 40 significant digits.
    [Theory]
    [InlineData(0.1, 0.8875370839817151016)]
    [InlineData(0.4999, 0.47958800483861340972)]
    [InlineData(0.5, 0.47950012218695346232)]
    [InlineData(1.0, 0.15729920705028513066)]
    [InlineData(2.0, 0.0046777349810472658379)]
    [InlineData(3.0, 0.000022090496998585441373)]
    [InlineData(5.0, 1.5374597944280348502e-12)]
    [InlineData(10.0, 2.088487583762544757e-45)]
    [InlineData(20.0, 5.3958656116079009289e-176)]
    [InlineData(26.0, 5.6631924088561428465e-296)]
    public void Erfc_PositiveArgument_MatchesMpmath(double x, double expected)
    {
        double actual = ErrorFunction.Erfc(x);

        Assert.True(Math.Abs(actual - expected) <= 4e-15 * expected, $"erfc({x}) = {actual:R}, expected {expected:R}");
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.7)]
    [InlineData(4.2)]
    public void Erfc_NegativeArgument_IsTwoMinusErfcOfMagnitude(double x)
    {
        Assert.Equal(2.0 - ErrorFunction.Erfc(x), ErrorFunction.Erfc(-x), 15);
    }

    [Fact]
    public void Erfc_Infinities_GiveLimits()
    {
        Assert.Equal(0.0, ErrorFunction.Erfc(double.PositiveInfinity));
        Assert.Equal(2.0, ErrorFunction.Erfc(double.NegativeInfinity));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(2.5)]
    public void Erf_AnyArgument_IsOneMinusErfcAndOdd(double x)
    {
        Assert.Equal(1.0 - ErrorFunction.Erfc(x), ErrorFunction.Erf(x), 15);
        Assert.Equal(-ErrorFunction.Erf(x), ErrorFunction.Erf(-x), 15);
    }
}
