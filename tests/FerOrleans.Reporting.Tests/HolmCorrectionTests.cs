namespace FerOrleans.Reporting.Tests;

public sealed class HolmCorrectionTests
{
    [Fact]
    public void Adjust_TextbookExample_StepsDownAndStaysMonotone()
    {
        // Sorted: 0.005 * 4 = 0.02, 0.01 * 3 = 0.03, 0.03 * 2 = 0.06, 0.04 * 1 = 0.04 raised to 0.06.
        double[] adjusted = HolmCorrection.Adjust([0.01, 0.04, 0.03, 0.005]);

        Assert.Equal(4, adjusted.Length);
        Assert.Equal(0.03, adjusted[0], 15);
        Assert.Equal(0.06, adjusted[1], 15);
        Assert.Equal(0.06, adjusted[2], 15);
        Assert.Equal(0.02, adjusted[3], 15);
    }

    [Fact]
    public void Adjust_LargePValues_ClipAtOne()
    {
        double[] adjusted = HolmCorrection.Adjust([0.6, 0.5, 0.9]);

        Assert.Equal([1.0, 1.0, 1.0], adjusted);
    }

    [Fact]
    public void Adjust_Empty_GivesEmpty()
    {
        Assert.Empty(HolmCorrection.Adjust([]));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Adjust_InvalidPValue_Throws(double p)
    {
        Assert.Throws<ArgumentException>(() => HolmCorrection.Adjust([0.2, p]));
    }
}
