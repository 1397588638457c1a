namespace FerOrleans.Learning.Data;

/// <summary>What a FER2013 CSV import read, imported, filtered, skipped and flagged.</summary>
/// <param name="FilePath">The CSV file.</param>
/// <param name="DataRows">Non-blank lines after the header.</param>
/// <param name="ImportedRows">Rows in the data set.</param>
/// <param name="FilteredByUsage">Rows left out because their usage was not requested.</param>
/// <param name="SkippedRows">Invalid rows left out; empty unless invalid rows are skipped.</param>
/// <param name="ConstantImageRows">
/// Data row indices of images whose pixels all have one value (FER2013 has a few blank frames), whether or not
/// <see cref="ConstantImagesDropped"/> left them out.
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
    IReadOnlyDictionary<string, int> RowsPerUsage)
{
    /// <summary>True when the constant images were left out of the data set, false when they were kept.</summary>
    public bool ConstantImagesDropped { get; init; }

    /// <summary>Returns the report in the form shared by every import, describing <paramref name="dataset"/>.</summary>
    public ImportReport ToImportReport(FaceDataset dataset, string format = "fer2013 csv") => new()
    {
        Source = FilePath,
        Format = format,
        ItemsRead = DataRows,
        Imported = dataset.Count,
        Skipped = SkippedRows
            .Select(r => new SkippedItem($"{FilePath}, line {r.LineNumber}", r.Reason, r.Problem))
            .ToArray(),
        FilteredByUsage = FilteredByUsage,
        ConstantImageIds = ConstantImageRows.Select(r => $"row-{r}").ToArray(),
        ConstantImagesDropped = ConstantImagesDropped,
        CountsPerLabel = ImportCounts.PerLabel(dataset),
        CountsPerUsage = ImportCounts.PerUsage(dataset),
        SubjectCount = dataset.SubjectIds.Distinct(StringComparer.Ordinal).Count(),
    };
}
