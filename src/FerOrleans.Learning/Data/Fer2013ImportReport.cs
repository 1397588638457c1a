namespace FerOrleans.Learning.Data;

/// <summary>What a FER2013 CSV import read, imported, filtered, skipped and flagged.</summary>
/// <param name="FilePath">The CSV file.</param>
/// <param name="DataRows">Non-blank lines after the header.</param>
/// <param name="ImportedRows">Rows in the data set.</param>
/// <param name="FilteredByUsage">Rows left out because their usage was not requested.</param>
/// <param name="SkippedRows">Invalid rows left out; empty unless invalid rows are skipped.</param>
/// <param name="ConstantImageRows">
/// Data row indices of imported images whose pixels all have one value (FER2013 has a few blank frames).
/// </param>
/// <param name="RowsPerUsage">
/// Data rows per trimmed usage value, before filtering; empty without a Usage column.
/// </param>
public sealed record Fer2013ImportReport(
    string FilePath,
    int DataRows,
    int ImportedRows,
    int FilteredByUsage,
    IReadOnlyList<Fer2013SkippedRow> SkippedRows,
    IReadOnlyList<int> ConstantImageRows,
    IReadOnlyDictionary<string, int> RowsPerUsage);
