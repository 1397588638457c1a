using System.Globalization;

namespace FerOrleans.Reporting;

/// <summary>One parsed CSV row, read by column name; errors name the file line and the column.</summary>
internal sealed class CsvRow(IReadOnlyList<string> header, IReadOnlyList<string> fields, int line)
{
    /// <summary>Returns the field of the column.</summary>
    public string Text(string column) => fields[Index(column)];

    /// <summary>Returns the field, or null when it is empty.</summary>
    public string? OptionalText(string column) => Text(column) is { Length: > 0 } text ? text : null;

    /// <summary>Returns the field as a number, or null when it is empty.</summary>
    public double? Double(string column) => Parse(column, text => double.Parse(text, NumberStyles.Float,
        CultureInfo.InvariantCulture));

    /// <summary>Returns the field as an integer, or null when it is empty.</summary>
    public int? Int(string column) => Parse(column, text => int.Parse(text, NumberStyles.Integer,
        CultureInfo.InvariantCulture));

    /// <summary>Returns the field as a 64-bit integer, or null when it is empty.</summary>
    public long? Long(string column) => Parse(column, text => long.Parse(text, NumberStyles.Integer,
        CultureInfo.InvariantCulture));

    private T? Parse<T>(string column, Func<string, T> parse)
        where T : struct
    {
        string text = Text(column);
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            return parse(text);
        }
        catch (Exception error) when (error is FormatException or OverflowException)
        {
            throw new FormatException(
                $"{RunsCsv.FileName} line {line}, column '{column}': '{text}' is not a valid number.", error);
        }
    }

    private int Index(string column)
    {
        for (int i = 0; i < header.Count; i++)
        {
            if (header[i] == column)
            {
                return i;
            }
        }

        throw new FormatException($"{RunsCsv.FileName} has no column '{column}'.");
    }
}
