namespace FerOrleans.Reporting.Tests;

public sealed class ReportFormatTests
{
    [Theory]
    [InlineData(0.0612, ".061")]
    [InlineData(0.001, ".001")]
    [InlineData(0.0014, ".001")]
    [InlineData(0.00096, "<.001")]
    [InlineData(0.0004, "<.001")]
    [InlineData(0.5, ".500")]
    [InlineData(1.0, "1.000")]
    public void PValue_Value_FormatsLikeStudy(double p, string expected)
    {
        Assert.Equal(expected, ReportFormat.PValue(p));
    }

    [Theory]
    [InlineData(0.707, "70.7")]
    [InlineData(0.75849, "75.8")]
    [InlineData(1.0, "100.0")]
    public void Percent_Fraction_HasOneDecimal(double fraction, string expected)
    {
        Assert.Equal(expected, ReportFormat.Percent(fraction));
    }

    [Theory]
    [InlineData(0.5, "50%")]
    [InlineData(0.7, "70%")]
    [InlineData(0.125, "12.5%")]
    public void Split_Fraction_IsPercentWithoutTrailingZeros(double fraction, string expected)
    {
        Assert.Equal(expected, ReportFormat.Split(fraction));
    }

    [Fact]
    public void ApproachOrder_StudyAndOtherNames_StudyOrderFirstThenOrdinal()
    {
        string[] names = ["UC(c+a)", "Zeta", "SC (c<-a)", "SL(c)", "Alpha", "SC(c)", "SL(c+a)", "UC(c)", "SC(c+a)"];

        string[] sorted = [.. names.Order(ApproachOrder.Instance)];

        Assert.Equal(
            ["SL(c)", "SL(c+a)", "SC(c)", "SC(c+a)", "SC (c<-a)", "UC(c)", "UC(c+a)", "Alpha", "Zeta"], sorted);
    }
}
