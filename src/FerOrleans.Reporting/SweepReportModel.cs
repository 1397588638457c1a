namespace FerOrleans.Reporting;

/// <summary>The statistics of a sweep, ready to be written as report.md and results.json.</summary>
/// <param name="SweepName">The human-readable sweep name.</param>
/// <param name="SweepId">The unique sweep id.</param>
/// <param name="DatasetA">The target data set.</param>
/// <param name="DatasetB">The supplementary data set, or null.</param>
/// <param name="Synthetic">Whether the data were generated rather than real faces.</param>
/// <param name="GeneratedUtc">The time stamp taken from the input.</param>
/// <param name="Settings">The sweep settings, sorted by key (ordinal).</param>
/// <param name="Approaches">The approaches in report order: <see cref="ApproachOrder"/>.</param>
/// <param name="TrainFractions">The training splits, ascending.</param>
/// <param name="AugmentationRatios">The augmentation ratios, ascending.</param>
/// <param name="Cells">One entry per configuration that has any run, in approach, split, ratio order.</param>
/// <param name="Comparisons">One entry per split and ratio with at least one usable run.</param>
/// <param name="Table1">One row per split at its largest ratio.</param>
/// <param name="Runs">Every run, in approach, split, ratio, repetition order.</param>
/// <param name="IncompleteRuns">The runs that did not enter the statistics (failed, unfinished or without test
/// accuracy).</param>
/// <param name="Holm">Whether the p-values were Holm-adjusted.</param>
/// <param name="PairComparisons">The tests of the requested approach pairs, per pair, split and ratio.</param>
/// <param name="Confusions">The summed test confusion matrices, one per configuration whose completed runs
/// stored one.</param>
public sealed record SweepReportModel(
    string SweepName,
    string SweepId,
    string DatasetA,
    string? DatasetB,
    bool Synthetic,
    DateTimeOffset GeneratedUtc,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<string> Approaches,
    IReadOnlyList<double> TrainFractions,
    IReadOnlyList<int> AugmentationRatios,
    IReadOnlyList<CellReport> Cells,
    IReadOnlyList<ComparisonReport> Comparisons,
    IReadOnlyList<Table1Row> Table1,
    IReadOnlyList<RunRecord> Runs,
    IReadOnlyList<RunRecord> IncompleteRuns,
    bool Holm,
    IReadOnlyList<PairComparisonReport> PairComparisons,
    IReadOnlyList<ConfusionReport> Confusions);
