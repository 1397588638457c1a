namespace FerOrleans.Learning.Data;

/// <summary>Positions of the emotion, pixels and Usage columns, found by trimmed name in any order.</summary>
internal sealed record Fer2013Columns(int Emotion, int Pixels, int Usage, int FieldCount)
{
    /// <summary>Largest number of fields a FER2013 line may have; FER2013 files have three.</summary>
    public const int MaxFields = 32;

    public bool HasUsage => Usage >= 0;

    /// <summary>Finds the columns in the header line (line 1), ignoring case and surrounding white space.</summary>
    /// <exception cref="DataFormatException">The emotion or pixels column is missing, or a name repeats.</exception>
    public static Fer2013Columns Find(string path, string header)
    {
        Span<Range> ranges = stackalloc Range[MaxFields];
        var count = CsvLine.Split(header, ranges);
        if (count < 0 || count > MaxFields)
        {
            throw new DataFormatException(path, 1,
                $"The header '{Shorten(header)}' is not a CSV header of at most {MaxFields} columns. "
                + "Expected a header such as 'emotion,pixels,Usage'.");
        }

        int emotion = -1, pixels = -1, usage = -1;
        for (var i = 0; i < count; i++)
        {
            var name = header.AsSpan()[ranges[i]].Trim();
            if (name.Equals("emotion", StringComparison.OrdinalIgnoreCase))
            {
                emotion = Assign(path, header, emotion, i);
            }
            else if (name.Equals("pixels", StringComparison.OrdinalIgnoreCase))
            {
                pixels = Assign(path, header, pixels, i);
            }
            else if (name.Equals("usage", StringComparison.OrdinalIgnoreCase))
            {
                usage = Assign(path, header, usage, i);
            }
        }

        if (emotion < 0 || pixels < 0)
        {
            throw new DataFormatException(path, 1,
                $"The header '{Shorten(header)}' lacks the {(emotion < 0 ? "'emotion'" : "'pixels'")} column. "
                + "Expected a header such as 'emotion,pixels,Usage' (any order, Usage optional).");
        }

        return new Fer2013Columns(emotion, pixels, usage, count);
    }

    /// <summary>Returns at most 80 characters of a line, for error messages.</summary>
    public static string Shorten(ReadOnlySpan<char> text) =>
        text.Length <= 80 ? text.ToString() : string.Concat(text[..77], "...");

    private static int Assign(string path, string header, int current, int index)
    {
        if (current >= 0)
        {
            throw new DataFormatException(path, 1,
                $"The header '{Shorten(header)}' names column {index + 1} like column {current + 1}. "
                + "Rename or remove one of them.");
        }
        return index;
    }
}
