namespace FerOrleans.Learning.Data;

/// <summary>
/// Per-subject metadata from a <c>subjects.csv</c> file: the first column is the subject id,
/// the other columns (for example age, sex, ethnicity) are kept as text.
/// </summary>
public sealed class SubjectTable
{
    private readonly string[] _columns;
    private readonly Dictionary<string, string[]> _rows;

    /// <param name="columns">Metadata column names, without the id column.</param>
    /// <param name="rows">Values per subject id, one per column.</param>
    public SubjectTable(IReadOnlyList<string> columns, IReadOnlyDictionary<string, string[]> rows)
    {
        _columns = columns.ToArray();
        _rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (id, values) in rows)
        {
            if (values.Length != _columns.Length)
            {
                throw new ArgumentException(
                    $"Subject '{id}' has {values.Length} values for {_columns.Length} columns.", nameof(rows));
            }
            _rows.Add(id, values);
        }
    }

    /// <summary>Names of the metadata columns, without the id column.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>Subject ids, in ordinal order.</summary>
    public IReadOnlyList<string> SubjectIds => _rows.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Number of subjects.</summary>
    public int Count => _rows.Count;

    public bool Contains(string subjectId) => _rows.ContainsKey(subjectId);

    /// <summary>Returns the value of <paramref name="column"/> for a subject, or null when either is unknown.</summary>
    public string? Value(string subjectId, string column)
    {
        var index = Array.FindIndex(_columns, c => string.Equals(c, column, StringComparison.OrdinalIgnoreCase));
        return index >= 0 && _rows.TryGetValue(subjectId, out var values) ? values[index] : null;
    }

    /// <summary>
    /// Reads a subjects file with a header line. Values are trimmed and may be quoted.
    /// </summary>
    /// <exception cref="DataFormatException">
    /// A row has the wrong number of fields, an empty id or a repeated id.
    /// </exception>
    public static SubjectTable Read(string path) => Read(path, []);

    /// <summary>
    /// Reads a subjects file with a header line, taking the id from the first column whose name (ignoring case,
    /// spaces, '_' and '-') is one of <paramref name="idColumnNames"/>, or from the first column when none is.
    /// Values are trimmed and may be quoted.
    /// </summary>
    /// <exception cref="DataFormatException">
    /// A row has the wrong number of fields, an empty id or a repeated id.
    /// </exception>
    public static SubjectTable Read(string path, IReadOnlyCollection<string> idColumnNames)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()
            ?? throw new DataFormatException(
                path, 1, "The subjects file is empty. Add a header line such as 'subject,age'.");
        var headerFields = Fields(path, 1, header);
        var idColumn = IdColumn(headerFields, idColumnNames);
        var columns = MoveIdFirst(headerFields, idColumn);
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            AddRow(path, lineNumber, MoveIdFirst(Fields(path, lineNumber, line), idColumn), columns.Length, rows);
        }

        return new SubjectTable(columns[1..], rows);
    }

    private static int IdColumn(string[] header, IReadOnlyCollection<string> idColumnNames)
    {
        for (var i = 0; i < header.Length; i++)
        {
            var key = new string(header[i].Where(char.IsLetterOrDigit).ToArray());
            if (idColumnNames.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return 0;
    }

    /// <summary>Returns the fields with the id field first and the others in file order.</summary>
    private static string[] MoveIdFirst(string[] fields, int idColumn) =>
        idColumn == 0 || idColumn >= fields.Length
            ? fields
            : [fields[idColumn], .. fields[..idColumn], .. fields[(idColumn + 1)..]];

    private static void AddRow(
        string path, int lineNumber, string[] fields, int columnCount, Dictionary<string, string[]> rows)
    {
        if (fields.Length != columnCount)
        {
            throw new DataFormatException(path, lineNumber,
                $"The row has {fields.Length} fields but the header has {columnCount}. "
                + "Make every row match the header.");
        }
        var id = fields[0];
        if (id.Length == 0)
        {
            throw new DataFormatException(path, lineNumber, "The subject id (first column) is empty. Fill it in.");
        }
        if (!rows.TryAdd(id, fields[1..]))
        {
            throw new DataFormatException(path, lineNumber,
                $"Subject id '{id}' is listed twice. Remove the duplicate row.");
        }
    }

    private static string[] Fields(string path, int lineNumber, string line)
    {
        Span<Range> ranges = stackalloc Range[64];
        var count = CsvLine.Split(line, ranges);
        if (count < 0)
        {
            throw new DataFormatException(path, lineNumber, "A quoted field is not closed. Add the closing '\"'.");
        }
        if (count > ranges.Length)
        {
            throw new DataFormatException(path, lineNumber,
                $"The line has {count} fields; at most {ranges.Length} are supported. Remove unused columns.");
        }

        var fields = new string[count];
        for (var i = 0; i < count; i++)
        {
            fields[i] = line.AsSpan()[ranges[i]].Trim().ToString();
        }
        return fields;
    }
}
