namespace FerOrleans.Learning.Data;

/// <summary>
/// Splits one CSV line into field ranges without allocating strings. A field may be quoted with '"';
/// the range of a quoted field excludes the quotes, and a doubled quote inside it is left as two characters.
/// Quoted fields that span lines are not supported.
/// </summary>
internal static class CsvLine
{
    /// <summary>
    /// Fills <paramref name="fields"/> with the ranges of the fields of <paramref name="line"/> and returns
    /// the number of fields, or -1 when a quoted field is not closed. Fields past the capacity of
    /// <paramref name="fields"/> are counted but not stored.
    /// </summary>
    public static int Split(ReadOnlySpan<char> line, Span<Range> fields)
    {
        var count = 0;
        var position = 0;
        while (true)
        {
            var end = ScanField(line, position, out var range);
            if (end < 0)
            {
                return -1;
            }
            if (count < fields.Length)
            {
                fields[count] = range;
            }
            count++;
            if (end >= line.Length)
            {
                return count;
            }
            position = end + 1;
        }
    }

    /// <summary>
    /// Returns the index of the comma that ends the field (or the line length), or -1 for an open quote.
    /// </summary>
    private static int ScanField(ReadOnlySpan<char> line, int start, out Range range)
    {
        var contentStart = start;
        while (contentStart < line.Length && line[contentStart] == ' ')
        {
            contentStart++;
        }

        if (contentStart < line.Length && line[contentStart] == '"')
        {
            var close = FindClosingQuote(line, contentStart + 1);
            if (close < 0)
            {
                range = default;
                return -1;
            }
            range = (contentStart + 1)..close;
            var comma = line[close..].IndexOf(',');
            return comma < 0 ? line.Length : close + comma;
        }

        var next = line[start..].IndexOf(',');
        var fieldEnd = next < 0 ? line.Length : start + next;
        range = start..fieldEnd;
        return fieldEnd;
    }

    private static int FindClosingQuote(ReadOnlySpan<char> line, int from)
    {
        var i = from;
        while (i < line.Length)
        {
            if (line[i] == '"')
            {
                if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }
}
