namespace FerOrleans.Reporting.Tests;

public sealed class SweepReportTests
{
    private readonly SweepReportModel _model = SweepReport.Build(SampleRuns.Input(synthetic: false));

    [Fact]
    public void Build_HandMadeRuns_PicksBestAndRunnerUpWithExactTest()
    {
        ComparisonReport comparison = Comparison(0.5, 20);

        Assert.Equal("SC(c<-a)", comparison.Best);
        Assert.Equal("SC(c+a)", comparison.RunnerUp);
        Assert.Equal(24.0, comparison.U);

        // Only U = 24 and U = 25 are as extreme, out of C(10, 5) = 252 orderings.
        Assert.Equal(2.0 / 252.0, comparison.P!.Value, 14);
        Assert.Equal(MannWhitneyMethod.Exact, comparison.Method);
        Assert.Null(comparison.Note);
    }

    [Fact]
    public void Build_HandMadeRuns_CellStatisticsMatchHandComputation()
    {
        CellReport cell = Cell("SC(c<-a)", 0.5, 20);

        // Deviations from 0.71: -0.01, 0.01, 0, -0.02, 0.02, so sd = sqrt(0.001 / 4).
        double standardDeviation = Math.Sqrt(0.001 / 4.0);
        double halfWidth = 2.7764451051977943578 * standardDeviation / Math.Sqrt(5.0);
        Assert.Equal([0.70, 0.72, 0.71, 0.69, 0.73], cell.TestAccuracies);
        Assert.Equal(5, cell.Test.N);
        Assert.Equal(0.71, cell.Test.Mean, 14);
        Assert.Equal(standardDeviation, cell.Test.StandardDeviation, 14);
        Assert.Equal(0.71 - halfWidth, cell.Test.ConfidenceLow, 12);
        Assert.Equal(0.71 + halfWidth, cell.Test.ConfidenceHigh, 12);
        Assert.Equal(0.72, cell.Validation.Mean, 14);
    }

    [Fact]
    public void Build_FailedRun_IsLeftOutOfCellAndListed()
    {
        CellReport cell = Cell("SL(c)", 0.5, 20);

        Assert.Equal(3, cell.Test.N);
        Assert.Equal(2, _model.IncompleteRuns.Count);
        Assert.Contains(_model.IncompleteRuns, run => run.Error == SampleRuns.FailedRunError);
        Assert.Contains(_model.IncompleteRuns, run => run.Approach == "UC(c)" && run.TestAccuracy is null);
        Assert.Equal(0, Cell("UC(c)", 0.5, 20).Test.N);
    }

    [Fact]
    public void Build_HandMadeRuns_OrdersApproachesSplitsAndRatios()
    {
        Assert.Equal(["SL(c)", "SC(c+a)", "SC(c<-a)", "UC(c)", "Baseline"], _model.Approaches);
        Assert.Equal([0.5, 0.7, 0.9], _model.TrainFractions);
        Assert.Equal([1, 5, 20], _model.AugmentationRatios);
        Assert.Equal(SampleRuns.Runs().Count, _model.Runs.Count);
        Assert.Equal("SL(c)", _model.Runs[0].Approach);
        Assert.Equal(["epochs", "stem", "width"], _model.Settings.Keys);
    }

    [Fact]
    public void Build_SmallSamples_NotesThatTestIsNotMeaningful()
    {
        ComparisonReport comparison = Comparison(0.5, 1);

        Assert.Equal("SC(c+a)", comparison.Best);
        Assert.Equal("SC(c<-a)", comparison.RunnerUp);
        Assert.Equal(1.0 / 3.0, comparison.P!.Value, 14);
        Assert.NotNull(comparison.Note);
        Assert.Contains("not meaningful", comparison.Note);
    }

    [Fact]
    public void Build_SingleApproach_HasNoRunnerUpOrTest()
    {
        ComparisonReport comparison = Comparison(0.9, 5);

        Assert.Equal("SL(c)", comparison.Best);
        Assert.Null(comparison.RunnerUp);
        Assert.Null(comparison.P);
        Assert.Equal("only one approach has test accuracies", comparison.Note);
    }

    [Fact]
    public void Build_TwoTests_HolmAdjustsOverThem()
    {
        SweepReportModel model = SweepReport.Build(
            SampleRuns.Input(synthetic: false), ReportOptions.Default with { Holm = true });

        ComparisonReport large = model.Comparisons.Single(c => c.TrainFraction == 0.5 && c.AugmentationRatio == 20);
        ComparisonReport small = model.Comparisons.Single(c => c.TrainFraction == 0.5 && c.AugmentationRatio == 1);

        // Sorted raw p: 2/252 * 2 = 0.0159, then 1/3 * 1 = 0.333.
        Assert.Equal(2.0 * 2.0 / 252.0, large.HolmP!.Value, 14);
        Assert.Equal(1.0 / 3.0, small.HolmP!.Value, 14);
    }

    [Fact]
    public void Build_DefaultOptions_LeavesHolmEmpty()
    {
        Assert.All(_model.Comparisons, comparison => Assert.Null(comparison.HolmP));
    }

    [Fact]
    public void Build_HandMadeRuns_Table1UsesLargestRatioPerSplit()
    {
        Assert.Equal(3, _model.Table1.Count);
        Table1Row half = _model.Table1[0];
        Assert.Equal(0.5, half.TrainFraction);
        Assert.Equal(20, half.AugmentationRatio);
        Assert.Equal("SC(c<-a)", half.Best);
        Assert.Equal(0.671, half.RunnerUpMeanTestAccuracy!.Value, 14);
        Assert.Equal(5, _model.Table1[2].AugmentationRatio);
    }

    [Fact]
    public void Build_DuplicateCompletedRepetition_Throws()
    {
        ReportInput input = SampleRuns.Input(synthetic: false);
        RunRecord duplicate = input.Runs[0] with { RunId = "retry-of-first-run" };

        ArgumentException error = Assert.Throws<ArgumentException>(
            () => SweepReport.Build(input with { Runs = [.. input.Runs, duplicate] }));

        Assert.Contains("retry-of-first-run", error.Message);
    }

    [Fact]
    public void Build_AccuracyInPercent_ThrowsNamingRun()
    {
        ReportInput input = SampleRuns.Input(synthetic: false);
        RunRecord percent = input.Runs[0] with { TestAccuracy = 70.5 };

        ArgumentException error = Assert.Throws<ArgumentException>(
            () => SweepReport.Build(input with { Runs = [percent, .. input.Runs.Skip(1)] }));

        Assert.Contains(percent.RunId, error.Message);
        Assert.Contains("70.5", error.Message);
    }

    private ComparisonReport Comparison(double split, int ratio) =>
        _model.Comparisons.Single(c => c.TrainFraction == split && c.AugmentationRatio == ratio);

    private CellReport Cell(string approach, double split, int ratio) =>
        _model.Cells.Single(c => c.Approach == approach && c.TrainFraction == split && c.AugmentationRatio == ratio);
}
