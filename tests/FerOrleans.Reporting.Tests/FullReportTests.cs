namespace FerOrleans.Reporting.Tests;

public sealed class FullReportTests
{
    private static readonly ReportOptions PairWithHolm = new(
        [new ApproachPair(FullReportRuns.Augmented, FullReportRuns.Children)], Holm: true, Alternative.TwoSided);

    private readonly SweepReportModel _model = SweepReport.Build(FullReportRuns.Input(), PairWithHolm);

    [Fact]
    public void Build_ThreeRepetitions_MatchHandStatistics()
    {
        CellReport cell = Cell(FullReportRuns.Augmented, 1);

        // 0.60, 0.62, 0.64: sd = 0.02; t(0.975, 2) = 4.302652729749464.
        double halfWidth = 4.302652729749464 * 0.02 / Math.Sqrt(3.0);
        Assert.Equal(3, cell.Test.N);
        Assert.Equal(0.62, cell.Test.Mean, 14);
        Assert.Equal(0.02, cell.Test.StandardDeviation, 14);
        Assert.Equal(0.62 - halfWidth, cell.Test.ConfidenceLow, 12);
        Assert.Equal(0.62 + halfWidth, cell.Test.ConfidenceHigh, 12);
        Assert.Equal(0.64, cell.Validation.Mean, 14);
    }

    [Fact]
    public void Build_RequestedPair_MatchesScipyReferenceCase()
    {
        MannWhitneyCase reference = MannWhitneyUTests.LoadCases().Single(c => c.Name == FullReportRuns.ReferenceCaseName);

        PairComparisonReport pair = Pair(5);

        Assert.Equal(FullReportRuns.Augmented, pair.First);
        Assert.Equal(FullReportRuns.Children, pair.Second);
        Assert.Equal(Alternative.TwoSided, pair.Alternative);
        Assert.Equal(reference.U, pair.U);
        Assert.Equal(reference.P, pair.P!.Value, 9);
        Assert.Equal(MannWhitneyMethod.Exact, pair.Method);
    }

    [Fact]
    public void Build_Holm_AdjustsPairFamilyAndBestFamily()
    {
        // Ratio 1: U = 3 of 3 pairs, exact two-sided p = 2 * 1/4 = 0.5. Ratio 5: p = 2/198.
        // Holm over (2/198, 0.5): 2 * 2/198, then max(that, 0.5).
        Assert.Equal(0.5, Pair(1).P!.Value, 14);
        Assert.Equal(2.0 * 2.0 / 198.0, Pair(5).HolmP!.Value, 14);
        Assert.Equal(0.5, Pair(1).HolmP!.Value, 14);

        // Best vs runner-up is one-sided: ratio 5 p = 1/198, ratio 1 p = 1/4; Holm: 2/198 and 1/4.
        ComparisonReport ratioFive = _model.Comparisons.Single(c => c.AugmentationRatio == 5);
        Assert.Equal(1.0 / 198.0, ratioFive.P!.Value, 14);
        Assert.Equal(2.0 / 198.0, ratioFive.HolmP!.Value, 14);
        Assert.Equal(0.25, _model.Comparisons.Single(c => c.AugmentationRatio == 1).HolmP!.Value, 14);
    }

    [Fact]
    public void Build_WithoutHolm_LeavesHolmEmpty()
    {
        SweepReportModel model = SweepReport.Build(FullReportRuns.Input(), PairWithHolm with { Holm = false });

        Assert.False(model.Holm);
        Assert.All(model.Comparisons, comparison => Assert.Null(comparison.HolmP));
        Assert.All(model.PairComparisons, pair => Assert.Null(pair.HolmP));
        Assert.NotNull(model.PairComparisons[0].P);
    }

    [Fact]
    public void Build_PartialCell_CountsFailedAndUnfinished()
    {
        CellReport cell = Cell(FullReportRuns.Children, 1);

        Assert.Equal(3, cell.RunCount);
        Assert.Equal(1, cell.FailedCount);
        Assert.Equal(1, cell.UnfinishedCount);
        Assert.Equal(1, cell.Test.N);
        Assert.Equal("58.0, no sd or CI (1 of 3: 1 failed, 1 unfinished)", ReportFormat.Cell(cell.Test, cell));
    }

    [Fact]
    public void Build_ConfusionMatrices_SumByClassName()
    {
        ConfusionReport augmented = Confusion(FullReportRuns.Augmented, 5);
        ConfusionReport children = Confusion(FullReportRuns.Children, 5);

        Assert.Equal(["happy", "neutral"], augmented.ClassNames);
        Assert.Equal(5, augmented.RunCount);
        Assert.Equal([15, 5], augmented.Counts[0]);
        Assert.Equal([0, 20], augmented.Counts[1]);
        Assert.Equal([0.75, 1.0], augmented.PerClassAccuracy);

        // Six runs of [[2, 2], [1, 3]] and one run listed neutral first that is the same matrix by name.
        Assert.Equal(7, children.RunCount);
        Assert.Equal([14, 14], children.Counts[0]);
        Assert.Equal([7, 21], children.Counts[1]);
        Assert.Equal(35.0 / 56.0, PerClassAccuracy.Overall(children), 14);
    }

    [Fact]
    public void Build_PartialCell_SumsOnlyCompletedMatrices()
    {
        Assert.Equal(1, Confusion(FullReportRuns.Children, 1).RunCount);
        Assert.Equal(3, Confusion(FullReportRuns.Augmented, 1).RunCount);
    }

    [Fact]
    public void Build_ClassWithoutTestImages_WritesNullRecall()
    {
        ReportInput input = FullReportRuns.Input();
        RunRecord[] runs = [.. input.Runs.Select(run => run.TestConfusion is null ? run : run with
        {
            ClassNames = ["happy", "neutral", "sad"],
            TestConfusion = [[3, 1, 0], [0, 4, 0], [0, 0, 0]],
        })];

        SweepReportModel model = SweepReport.Build(input with { Runs = runs });
        string json = SweepReportJson.Serialize(model);

        Assert.True(double.IsNaN(model.Confusions[0].PerClassAccuracy[2]));
        Assert.Contains("\"perClassAccuracy\": [\n        0.75,\n        1,\n        null\n      ]", json);
    }

    [Fact]
    public void Build_UnknownApproachInPair_ThrowsNamingIt()
    {
        ReportOptions options = new([new ApproachPair("SC(c+a)", "SC(c)")], false, Alternative.TwoSided);

        ArgumentException error = Assert.Throws<ArgumentException>(
            () => SweepReport.Build(FullReportRuns.Input(), options));

        Assert.Contains("'SC(c+a)'", error.Message);
        Assert.Contains("SC(c<-a)", error.Message);
    }

    [Fact]
    public void Build_PairWithSpacedName_MatchesApproach()
    {
        ReportOptions options = new([new ApproachPair("SC (c<-a)", "SC(c)")], false, Alternative.Greater);

        SweepReportModel model = SweepReport.Build(FullReportRuns.Input(), options);

        Assert.Equal(2, model.PairComparisons.Count);
        Assert.Equal(1.0 / 198.0, model.PairComparisons.Single(p => p.AugmentationRatio == 5).P!.Value, 14);
    }

    [Fact]
    public void Build_PairOfOneApproach_Throws()
    {
        ReportOptions options = new([new ApproachPair("SC(c)", "SC (c)")], false, Alternative.TwoSided);

        Assert.Throws<ArgumentException>(() => SweepReport.Build(FullReportRuns.Input(), options));
    }

    [Fact]
    public void Build_ConfusionOfWrongShape_ThrowsNamingRun()
    {
        ReportInput input = FullReportRuns.Input();
        RunRecord broken = input.Runs[0] with { TestConfusion = [[1, 2, 3], [4, 5, 6]] };

        ArgumentException error = Assert.Throws<ArgumentException>(
            () => SweepReport.Build(input with { Runs = [broken, .. input.Runs.Skip(1)] }));

        Assert.Contains(broken.RunId, error.Message);
        Assert.Contains("2 x 3", error.Message);
    }

    private CellReport Cell(string approach, int ratio) =>
        _model.Cells.Single(c => c.Approach == approach && c.AugmentationRatio == ratio);

    private PairComparisonReport Pair(int ratio) => _model.PairComparisons.Single(p => p.AugmentationRatio == ratio);

    private ConfusionReport Confusion(string approach, int ratio) =>
        _model.Confusions.Single(c => c.Approach == approach && c.AugmentationRatio == ratio);
}
