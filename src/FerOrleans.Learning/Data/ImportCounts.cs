namespace FerOrleans.Learning.Data;

/// <summary>Per-class and per-usage image counts for import reports.</summary>
internal static class ImportCounts
{
    /// <summary>Images per canonical emotion name, in label id order.</summary>
    public static IReadOnlyDictionary<string, int> PerLabel(FaceDataset data) =>
        data.CountsPerLabel().ToDictionary(p => EmotionNames.Name(p.Key), p => p.Value);

    /// <summary>Images per usage value in ordinal order; empty without a usage column.</summary>
    public static IReadOnlyDictionary<string, int> PerUsage(FaceDataset data)
    {
        if (data.Metadata is null || !data.Metadata.HasColumn(ImageMetadataColumns.Usage))
        {
            return new Dictionary<string, int>();
        }
        return data.Metadata.Column(ImageMetadataColumns.Usage)
            .GroupBy(u => u, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
    }
}
