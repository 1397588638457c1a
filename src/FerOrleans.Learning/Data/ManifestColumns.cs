namespace FerOrleans.Learning.Data;

/// <summary>Positions of the columns of a manifest CSV, found by trimmed name ignoring case.</summary>
/// <param name="Path">The path column.</param>
/// <param name="Label">The label column.</param>
/// <param name="Subject">The subject column, or -1.</param>
/// <param name="Metadata">Positions of the other columns.</param>
/// <param name="MetadataNames">
/// Names of the other columns; "usage" in any case becomes <see cref="ImageMetadataColumns.Usage"/>.
/// </param>
/// <param name="FieldCount">Number of header fields.</param>
internal sealed record ManifestColumns(
    int Path, int Label, int Subject, int[] Metadata, string[] MetadataNames, int FieldCount)
{
    private const int MaxColumns = 64;

    /// <exception cref="DataFormatException">The path or label column is missing, or a name repeats or is empty.</exception>
    public static ManifestColumns Find(string file, string header)
    {
        Span<Range> ranges = stackalloc Range[MaxColumns];
        var count = CsvLine.Split(header, ranges);
        if (count < 1 || count > MaxColumns)
        {
            throw new DataFormatException(file, 1,
                $"The header '{Fer2013Columns.Shorten(header)}' is not a CSV header of at most {MaxColumns} columns. "
                + "Expected a header such as 'path,label,subject'.");
        }

        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = header.AsSpan()[ranges[i]].Trim().ToString();
        }
        var duplicate = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null || names.Any(n => n.Length == 0))
        {
            throw new DataFormatException(file, 1,
                $"The header '{Fer2013Columns.Shorten(header)}' has an empty or repeated column name"
                + $"{(duplicate is null ? "" : $" ('{duplicate.Key}')")}. Give each column its own name.");
        }

        var path = IndexOf(names, "path");
        var label = IndexOf(names, "label");
        if (path < 0 || label < 0)
        {
            throw new DataFormatException(file, 1,
                $"The header '{Fer2013Columns.Shorten(header)}' lacks the '{(path < 0 ? "path" : "label")}' column. "
                + "Expected a header such as 'path,label' or 'path,label,subject'.");
        }

        var subject = IndexOf(names, "subject");
        var metadata = Enumerable.Range(0, count).Where(i => i != path && i != label && i != subject).ToArray();
        var metadataNames = metadata.Select(i => MetadataName(names[i])).ToArray();
        return new ManifestColumns(path, label, subject, metadata, metadataNames, count);
    }

    private static string MetadataName(string name) =>
        name.Equals("usage", StringComparison.OrdinalIgnoreCase) ? ImageMetadataColumns.Usage : name;

    private static int IndexOf(string[] names, string name) =>
        Array.FindIndex(names, n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
}
