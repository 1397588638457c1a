namespace FerOrleans.Reporting;

/// <summary>
/// The layout of the Table 1 analogue: one column per training split at its largest augmentation ratio with
/// results (the columns of <see cref="SweepReportModel.Table1"/>), one row per approach with a result there.
/// </summary>
internal static class Table1Layout
{
    /// <summary>Returns the approaches, in model order, that have a test accuracy in some column.</summary>
    public static IReadOnlyList<string> Approaches(SweepReportModel model) =>
        [.. model.Approaches.Where(approach => model.Table1.Any(row => Cell(model, approach, row) is not null))];

    /// <summary>Returns the configuration of the approach in the column, or null when it has no test accuracy.</summary>
    public static CellReport? Cell(SweepReportModel model, string approach, Table1Row column) =>
        model.Cells.FirstOrDefault(cell => cell.Approach == approach
            && cell.TrainFraction == column.TrainFraction
            && cell.AugmentationRatio == column.AugmentationRatio
            && cell.Test.N > 0);
}
