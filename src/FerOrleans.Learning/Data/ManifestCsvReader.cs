using System.Text;

namespace FerOrleans.Learning.Data;

/// <summary>
/// Reads a manifest CSV that lists image files: a header with the columns <c>path</c> and <c>label</c>, an optional
/// <c>subject</c> column, and any further columns, kept as image metadata (a <c>usage</c> column feeds the usage
/// filter). Paths are relative to the CSV's folder unless absolute. Labels are FER2013 ids 0-6 or emotion names and
/// aliases of <see cref="EmotionNames"/>. Without a subject column each image is its own subject.
/// </summary>
public static class ManifestCsvReader
{
    private const int MaxColumns = 64;

    /// <summary>
    /// Reads and pre-processes every listed image in file order. Image ids are the paths as written in the CSV,
    /// with '/' separators. Blank lines are ignored; line numbers count every line, the header being line 1.
    /// </summary>
    /// <exception cref="FileNotFoundException">
    /// No file at <paramref name="path"/>, or a listed image is missing while invalid input is not skipped.
    /// </exception>
    /// <exception cref="DataFormatException">
    /// The header lacks path or label, or a row is malformed, has an unknown label or repeats a path, while invalid
    /// input is not skipped.
    /// </exception>
    /// <exception cref="ImageFileException">
    /// A listed image cannot be decoded while invalid input is not skipped.
    /// </exception>
    public static DatasetImport Import(string path, ImportOptions options)
    {
        options.EffectivePreprocess.Validate();
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Manifest CSV file '{path}' not found. Check the path.", path);
        }

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine()
            ?? throw new DataFormatException(
                path, 1, "The file is empty. Expected a header such as 'path,label,subject'.");
        var columns = ManifestColumns.Find(path, header);
        var builder = new ImageImportBuilder("manifest csv", path, options, columns.MetadataNames);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            builder.ItemsRead++;
            try
            {
                builder.Add(ReadRow(path, lineNumber, line, columns, folder, seen));
            }
            catch (DataFormatException e)
            {
                builder.SkipOrThrow(e, $"{path}, line {lineNumber}", e.Reason, e.Problem);
            }
        }

        return builder.Build(options.Name ?? Path.GetFileNameWithoutExtension(path), null);
    }

    private static ImageSource ReadRow(
        string path, int lineNumber, string line, ManifestColumns columns, string folder, Dictionary<string, int> seen)
    {
        Span<Range> ranges = stackalloc Range[MaxColumns];
        var count = CsvLine.Split(line, ranges);
        if (count < 0)
        {
            throw new DataFormatException(path, lineNumber, "A quoted field is not closed. Add the closing '\"'.");
        }
        if (count != columns.FieldCount)
        {
            throw new DataFormatException(path, lineNumber,
                $"The row has {count} fields but the header has {columns.FieldCount}. Make the row match the header.");
        }

        var fields = new string[count];
        for (var i = 0; i < count; i++)
        {
            fields[i] = line.AsSpan()[ranges[i]].Trim().ToString();
        }
        string Field(int index) => fields[index];
        var imagePath = Field(columns.Path).Replace('\\', '/');
        if (imagePath.Length == 0)
        {
            throw new DataFormatException(path, lineNumber, "The path field is empty. Give the image file's path.");
        }
        if (!seen.TryAdd(imagePath, lineNumber))
        {
            throw new DataFormatException(path, lineNumber,
                $"The path '{imagePath}' is already listed on line {seen[imagePath]}. Remove the duplicate row.");
        }

        var labelText = Field(columns.Label);
        Emotion label;
        try
        {
            label = EmotionNames.ParseIdOrName(labelText, "the label column");
        }
        catch (FormatException e)
        {
            throw new DataFormatException(path, lineNumber, e.Message, SkipReasons.InvalidLabel);
        }

        var subject = columns.Subject >= 0 ? Field(columns.Subject) : imagePath;
        if (subject.Length == 0)
        {
            throw new DataFormatException(path, lineNumber,
                "The subject field is empty. Give the person's id, or drop the subject column for one subject per image.");
        }
        var fullPath = Path.IsPathRooted(imagePath) ? imagePath : Path.Combine(folder, imagePath);
        var metadata = columns.Metadata.Select(Field).ToArray();
        return new ImageSource(fullPath, imagePath, label, subject, $"{path}, line {lineNumber}", metadata);
    }
}
