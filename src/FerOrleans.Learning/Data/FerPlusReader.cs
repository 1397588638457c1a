using System.Text;

namespace FerOrleans.Learning.Data;

/// <summary>
/// Reads FER+ labels (<c>fer2013new.csv</c>: <c>Usage,Image name,neutral,happiness,surprise,sadness,anger,disgust,
/// fear,contempt,unknown,NF</c>, ten votes per row) and joins them to the images of <c>fer2013.csv</c> by row
/// position: data row k of one file describes data row k of the other. Image names are never used to join;
/// they are kept as metadata. The FER+ label replaces the FER2013 label; rows are dropped by
/// <see cref="FerPlusDropReasons"/>.
/// </summary>
public static class FerPlusReader
{
    private const int MaxFields = 32;

    /// <summary>
    /// Reads both files and returns the joined data set. The usage filter applies after the join. The skip policy
    /// applies to invalid rows of either file, and a skipped row of one file drops its partner in the other.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="DataFormatException">
    /// A header lacks a column; a row of the two files disagrees on Usage (so the files are not in the same row
    /// order); or a row is invalid and not skipped.
    /// </exception>
    /// <exception cref="InvalidDataException">The files have different numbers of data rows, or no row is left.</exception>
    public static DatasetImport Import(
        string fer2013Path, string ferPlusPath, ImportOptions options, FerPlusOptions ferPlus)
    {
        if (!File.Exists(ferPlusPath))
        {
            throw new FileNotFoundException($"FER+ CSV file '{ferPlusPath}' not found. Check the path.", ferPlusPath);
        }
        var images = Fer2013CsvReader.Read(fer2013Path, new Fer2013ReadOptions(
            SkipInvalidRows: options.SkipInvalid, Name: options.Name ?? Path.GetFileNameWithoutExtension(ferPlusPath)));
        var rows = ReadRows(ferPlusPath, options.SkipInvalid);
        if (rows.Count != images.Report.DataRows)
        {
            throw new InvalidDataException(
                $"FER+ file '{ferPlusPath}' has {rows.Count} data rows but '{fer2013Path}' has "
                + $"{images.Report.DataRows}. FER+ joins by row position, so give the complete, unfiltered "
                + "fer2013.csv that fer2013new.csv was made for.");
        }

        var join = new FerPlusJoin(images, rows, ferPlusPath, options, ferPlus);
        return join.Build();
    }

    /// <summary>Reads every data row of fer2013new.csv; a skipped invalid row keeps its place, with no votes.</summary>
    private static List<FerPlusRow> ReadRows(string path, bool skipInvalid)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine()
            ?? throw new DataFormatException(path, 1, $"The file is empty. Expected the header '{ExpectedHeader}'.");
        var columns = FindColumns(path, header);
        var rows = new List<FerPlusRow>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                rows.Add(ParseRow(path, lineNumber, line, columns));
            }
            catch (DataFormatException e) when (skipInvalid)
            {
                var skipped = new SkippedItem($"{path}, line {lineNumber}", e.Reason, e.Problem);
                rows.Add(new FerPlusRow(lineNumber, "", "", null, skipped));
            }
        }
        return rows;
    }

    private static string ExpectedHeader => "Usage,Image name," + string.Join(',', FerPlusVotes.ColumnNames);

    private static FerPlusRow ParseRow(string path, int lineNumber, string line, int[] columns)
    {
        Span<Range> ranges = stackalloc Range[MaxFields];
        var count = CsvLine.Split(line, ranges);
        if (count < 0 || count > MaxFields || count <= columns.Max())
        {
            throw new DataFormatException(path, lineNumber,
                $"The row has {count} fields; the header '{ExpectedHeader}' needs {columns.Max() + 1}. "
                + "Make the row match the header.");
        }
        var fields = new string[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            fields[i] = line.AsSpan()[ranges[columns[i]]].Trim().ToString();
        }
        var votes = FerPlusVotes.Parse(fields[2..], path, lineNumber);
        return new FerPlusRow(lineNumber, fields[0], fields[1], votes, null);
    }

    /// <summary>Returns the positions of Usage, Image name and the ten vote columns, found by trimmed name.</summary>
    private static int[] FindColumns(string path, string header)
    {
        Span<Range> ranges = stackalloc Range[MaxFields];
        var count = CsvLine.Split(header, ranges);
        var names = new List<string>();
        for (var i = 0; i < Math.Min(Math.Max(count, 0), MaxFields); i++)
        {
            names.Add(header.AsSpan()[ranges[i]].Trim().ToString());
        }

        string[] wanted = ["Usage", "Image name", .. FerPlusVotes.ColumnNames];
        var positions = new int[wanted.Length];
        for (var w = 0; w < wanted.Length; w++)
        {
            positions[w] = names.FindIndex(n => n.Equals(wanted[w], StringComparison.OrdinalIgnoreCase));
            if (positions[w] < 0)
            {
                throw new DataFormatException(path, 1,
                    $"The header '{Fer2013Columns.Shorten(header)}' lacks the '{wanted[w]}' column. "
                    + $"Expected the FER+ header '{ExpectedHeader}'.");
            }
        }
        return positions;
    }
}
