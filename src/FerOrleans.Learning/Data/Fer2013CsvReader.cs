using System.Text;

namespace FerOrleans.Learning.Data;

/// <summary>
/// Reads FER2013 in its CSV forms: <c>fer2013.csv</c> (<c>emotion,pixels,Usage</c>) and
/// <c>icml_face_data.csv</c> (<c>emotion, Usage, pixels</c>). Columns are found by trimmed name; fields may be
/// quoted; CRLF and LF line ends, blank lines and white space around values are accepted.
/// Kaggle's <c>train.csv</c> (<c>emotion,pixels</c>, no Usage) reads the same way. Image ids are
/// <c>row-&lt;n&gt;</c> with n the 0-based index of the data row (blank lines not counted); each image is its own
/// subject. With a Usage column, each image keeps its trimmed usage as <see cref="ImageMetadataColumns.Usage"/>.
/// </summary>
public static class Fer2013CsvReader
{
    private const int ReadBufferBytes = 1 << 16;

    // A fer2013.csv row of 2304 values takes about 8,000 characters; used only to size the first buffer.
    private const int EstimatedBytesPerValue = 4;

    /// <summary>Reads the file, streaming it line by line.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="DataFormatException">
    /// The header lacks a required column, or a row is invalid and
    /// <see cref="Fer2013ReadOptions.SkipInvalidRows"/> is false.
    /// </exception>
    /// <exception cref="InvalidDataException">A usage filter was given and no row matched it.</exception>
    public static Fer2013Import Read(string path, Fer2013ReadOptions? options = null)
    {
        options ??= new Fer2013ReadOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ImageSize, 1);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"FER2013 CSV file '{path}' not found. Check the path.", path);
        }

        using var reader = new StreamReader(
            path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, ReadBufferBytes);
        var header = reader.ReadLine()
            ?? throw new DataFormatException(
                path, 1, "The file is empty. Expected a header such as 'emotion,pixels,Usage'.");
        var columns = Fer2013Columns.Find(path, header);
        if (options.Usages is not null && !columns.HasUsage)
        {
            throw new DataFormatException(path, 1,
                $"A usage filter ({string.Join(", ", options.Usages)}) was given but the header "
                + $"'{Fer2013Columns.Shorten(header)}' has no Usage column. Remove the filter.");
        }

        var pixelsPerImage = options.ImageSize * options.ImageSize;
        var expectedRows = (int)Math.Min(int.MaxValue / pixelsPerImage,
            new FileInfo(path).Length / ((long)pixelsPerImage * EstimatedBytesPerValue) + 1);
        var builder = new Fer2013ImportBuilder(options.ImageSize, expectedRows);
        ReadRows(reader, path, columns, options, builder);

        if (options.Usages is not null && builder.ImportedRows == 0 && builder.DataRows > 0)
        {
            throw new InvalidDataException(
                $"No row of '{path}' has usage {string.Join(" or ", options.Usages)}. "
                + $"Usage values in the file: {string.Join(", ", builder.UsagesSeen)}.");
        }

        var name = options.Name ?? Path.GetFileNameWithoutExtension(path);
        return builder.Build(path, name, options.ImageSize, options.DropConstantImages);
    }

    /// <summary>
    /// Reads the file with the options shared by every import form, returning the report in its shared form.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="DataFormatException">The header lacks a column, or a row is invalid and not skipped.</exception>
    /// <exception cref="InvalidDataException">A usage filter was given and no row matched it.</exception>
    public static DatasetImport Import(string path, ImportOptions options)
    {
        var read = Read(path, new Fer2013ReadOptions(
            options.Usages, options.SkipInvalid, options.Name, DropConstantImages: options.DropConstantImages));
        return new DatasetImport(read.Dataset, read.Report.ToImportReport(read.Dataset));
    }

    private static void ReadRows(
        StreamReader reader,
        string path,
        Fer2013Columns columns,
        Fer2013ReadOptions options,
        Fer2013ImportBuilder builder)
    {
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.AsSpan().IsWhiteSpace())
            {
                continue;
            }

            var rowIndex = builder.DataRows++;
            try
            {
                ReadRow(line, path, lineNumber, rowIndex, columns, options, builder);
            }
            catch (DataFormatException e) when (options.SkipInvalidRows)
            {
                builder.Skip(new Fer2013SkippedRow(lineNumber, rowIndex, e.Problem, e.Reason));
            }
        }
    }

    private static void ReadRow(
        string line,
        string path,
        int lineNumber,
        int rowIndex,
        Fer2013Columns columns,
        Fer2013ReadOptions options,
        Fer2013ImportBuilder builder)
    {
        Span<Range> fields = stackalloc Range[Fer2013Columns.MaxFields];
        var count = CsvLine.Split(line, fields);
        if (count < 0)
        {
            throw new DataFormatException(path, lineNumber, "A quoted field is not closed. Add the closing '\"'.");
        }
        if (count != columns.FieldCount)
        {
            throw new DataFormatException(path, lineNumber,
                $"The row has {count} fields but the header has {columns.FieldCount}. Make the row match the header.");
        }

        string? usage = null;
        if (columns.HasUsage)
        {
            var usageText = line.AsSpan()[fields[columns.Usage]].Trim();
            usage = builder.CountUsage(usageText);
            if (!IsRequested(usageText, options.Usages))
            {
                builder.FilteredByUsage++;
                return;
            }
        }

        var label = Fer2013RowParser.ParseLabel(line.AsSpan()[fields[columns.Emotion]], path, lineNumber);
        Fer2013RowParser.ParsePixels(line.AsSpan()[fields[columns.Pixels]], builder.NextImage(), path, lineNumber);
        builder.Add(label, rowIndex, usage);
    }

    private static bool IsRequested(ReadOnlySpan<char> usage, IReadOnlyCollection<string>? requested)
    {
        if (requested is null)
        {
            return true;
        }
        foreach (var value in requested)
        {
            if (usage.Equals(value.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
