namespace FerOrleans.Learning.Data;

/// <summary>
/// What one import read, imported, skipped, dropped and flagged; <see cref="ToLines"/> formats it for the console.
/// </summary>
public sealed record ImportReport
{
    /// <summary>The file or folder read.</summary>
    public required string Source { get; init; }

    /// <summary>The input form, for example "fer2013 csv", "image folders", "cafe", "manifest csv".</summary>
    public required string Format { get; init; }

    /// <summary>Data rows (CSV forms) or image files (folder forms) read.</summary>
    public required int ItemsRead { get; init; }

    /// <summary>Images in the data set.</summary>
    public required int Imported { get; init; }

    /// <summary>Invalid rows or files left out; empty unless invalid input was to be skipped.</summary>
    public IReadOnlyList<SkippedItem> Skipped { get; init; } = [];

    /// <summary>Valid rows or files left out by a stated policy (for example FER+ non-face rows), per reason.</summary>
    public IReadOnlyDictionary<string, int> Dropped { get; init; } = new Dictionary<string, int>();

    /// <summary>Rows or files left out because their usage was not requested.</summary>
    public int FilteredByUsage { get; init; }

    /// <summary>Image ids of images whose pixels all have one value (after pre-processing).</summary>
    public IReadOnlyList<string> ConstantImageIds { get; init; } = [];

    /// <summary>True when the constant images were left out of the data set, false when they were kept.</summary>
    public bool ConstantImagesDropped { get; init; }

    /// <summary>Images per canonical emotion name in the data set.</summary>
    public IReadOnlyDictionary<string, int> CountsPerLabel { get; init; } = new Dictionary<string, int>();

    /// <summary>Images per usage value in the data set; empty when the source has no usage.</summary>
    public IReadOnlyDictionary<string, int> CountsPerUsage { get; init; } = new Dictionary<string, int>();

    /// <summary>Distinct subject ids in the data set.</summary>
    public int SubjectCount { get; init; }

    /// <summary>Skipped items per reason, in ordinal order of the reason.</summary>
    public IReadOnlyDictionary<string, int> SkippedPerReason() =>
        Skipped.GroupBy(s => s.Reason).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Formats the report as console lines, listing the first <paramref name="shown"/> items of a list.</summary>
    public IReadOnlyList<string> ToLines(int shown = 5)
    {
        var lines = new List<string>
        {
            $"Read {ItemsRead} {(IsCsv ? "rows" : "files")} of {Format} '{Source}'.",
            $"  imported: {Imported} images of {SubjectCount} subjects",
        };
        if (FilteredByUsage > 0)
        {
            lines.Add($"  left out by the usage filter: {FilteredByUsage}");
        }
        foreach (var (reason, count) in Dropped.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            lines.Add($"  dropped, {reason}: {count}");
        }
        foreach (var (reason, count) in SkippedPerReason())
        {
            lines.Add($"  skipped, {reason}: {count}");
            lines.AddRange(Skipped.Where(s => s.Reason == reason).Take(shown)
                .Select(s => $"    {s.Location}: {s.Problem}"));
        }
        AddConstantImages(lines, shown);
        lines.Add("  per class: " + Describe(CountsPerLabel));
        if (CountsPerUsage.Count > 0)
        {
            lines.Add("  per usage: " + Describe(CountsPerUsage));
        }
        return lines;
    }

    private bool IsCsv => Format.Contains("csv", StringComparison.Ordinal);

    private void AddConstantImages(List<string> lines, int shown)
    {
        if (ConstantImageIds.Count == 0)
        {
            lines.Add("  constant images: 0");
            return;
        }
        var ids = string.Join(", ", ConstantImageIds.Take(shown)) + (ConstantImageIds.Count > shown ? ", ..." : "");
        var action = ConstantImagesDropped ? "dropped" : "kept; --drop-constant leaves them out";
        lines.Add($"  constant images: {ConstantImageIds.Count} ({action}): {ids}");
    }

    private static string Describe(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.Select(p => $"{p.Key} {p.Value}"));
}
