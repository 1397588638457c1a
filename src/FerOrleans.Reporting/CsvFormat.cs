using System.Text;

namespace FerOrleans.Reporting;

/// <summary>RFC 4180 comma-separated values: "\n" line ends, fields quoted only when they need it.</summary>
public static class CsvFormat
{
    /// <summary>Appends one record; a field with a comma, quote, line break or outer space is quoted.</summary>
    public static void AppendRecord(StringBuilder text, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fields);
        bool first = true;
        foreach (string field in fields)
        {
            if (!first)
            {
                text.Append(',');
            }

            text.Append(NeedsQuotes(field) ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field);
            first = false;
        }

        text.Append('\n');
    }

    /// <summary>Splits CSV text into records of fields, accepting "\n" and "\r\n" line ends.</summary>
    /// <exception cref="FormatException">A quoted field is not closed, or an unquoted field contains a quote;
    /// the message names the line.</exception>
    public static IReadOnlyList<IReadOnlyList<string>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<IReadOnlyList<string>> records = [];
        List<string> record = [];
        StringBuilder field = new();
        int line = 1;
        int i = 0;
        while (i < text.Length)
        {
            if (field.Length == 0 && text[i] == '"')
            {
                i = ReadQuoted(text, i + 1, field, ref line);
                if (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                {
                    throw new FormatException($"CSV line {line}: a character follows the closing quote of a field.");
                }

                continue;
            }

            char character = text[i];
            if (character == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (character is '\n' or '\r')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i += character == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 1 : 0;
                line++;
            }
            else if (character == '"')
            {
                throw new FormatException($"CSV line {line}: a quote inside an unquoted field; quote the whole field.");
            }
            else
            {
                field.Append(character);
            }

            i++;
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }

    // Reads from just after the opening quote to just after the closing one.
    private static int ReadQuoted(string text, int start, StringBuilder field, ref int line)
    {
        int openedOnLine = line;
        int i = start;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            line += text[i] == '\n' ? 1 : 0;
            field.Append(text[i]);
            i++;
        }

        throw new FormatException($"CSV line {openedOnLine}: a quoted field is not closed.");
    }

    private static bool NeedsQuotes(string field) =>
        field.Length > 0 && (field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(field[0])
            || char.IsWhiteSpace(field[^1]));
}
