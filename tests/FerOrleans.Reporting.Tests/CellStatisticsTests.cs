namespace FerOrleans.Reporting.Tests;

public sealed class CellStatisticsTests
{
    [Fact]
    public void Of_KnownSample_GivesMeanSdAndStudentInterval()
    {
        // Mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, sd = sqrt(32/7); t_{0.975,7} from mpmath.
        double[] values = [2, 4, 4, 4, 5, 5, 7, 9];

        SampleSummary summary = CellStatistics.Of(values);

        Assert.Equal(8, summary.N);
        Assert.Equal(5.0, summary.Mean, 14);
        Assert.Equal(2.13808993529939507748, summary.StandardDeviation, 14);
        Assert.Equal(3.21251208176378910497, summary.ConfidenceLow, 12);
        Assert.Equal(6.78748791823621089503, summary.ConfidenceHigh, 12);
        Assert.True(summary.HasSpread);
    }

    [Fact]
    public void Of_SingleValue_GivesNaNSpread()
    {
        SampleSummary summary = CellStatistics.Of([0.7]);

        Assert.Equal(1, summary.N);
        Assert.Equal(0.7, summary.Mean);
        Assert.True(double.IsNaN(summary.StandardDeviation));
        Assert.True(double.IsNaN(summary.ConfidenceLow));
        Assert.True(double.IsNaN(summary.ConfidenceHigh));
        Assert.False(summary.HasSpread);
    }

    [Fact]
    public void Of_Empty_GivesNaNMean()
    {
        SampleSummary summary = CellStatistics.Of([]);

        Assert.Equal(0, summary.N);
        Assert.True(double.IsNaN(summary.Mean));
    }

    [Fact]
    public void Of_TwoValues_UsesTWithOneDegreeOfFreedom()
    {
        // Mean 0.7, sd = sqrt(0.02 / 1), half width = t_{0.975,1} * sd / sqrt(2).
        SampleSummary summary = CellStatistics.Of([0.6, 0.8]);

        double standardDeviation = Math.Sqrt(0.02);
        double halfWidth = 12.706204736174698 * standardDeviation / Math.Sqrt(2.0);
        Assert.Equal(standardDeviation, summary.StandardDeviation, 14);
        Assert.Equal(0.7 - halfWidth, summary.ConfidenceLow, 10);
        Assert.Equal(0.7 + halfWidth, summary.ConfidenceHigh, 10);
    }

    [Fact]
    public void Of_NaNValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => CellStatistics.Of([0.5, double.NaN]));
    }
}
