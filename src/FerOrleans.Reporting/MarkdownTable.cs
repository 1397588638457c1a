using System.Text;

namespace FerOrleans.Reporting;

/// <summary>A GitHub-flavoured Markdown table built row by row.</summary>
internal sealed class MarkdownTable
{
    private readonly StringBuilder _text = new();

    /// <summary>Starts a table with the given column headers.</summary>
    public MarkdownTable(params string[] headers)
    {
        AddRow(headers);
        _text.Append('|');
        foreach (string _ in headers)
        {
            _text.Append("---|");
        }

        _text.Append('\n');
    }

    /// <summary>Adds a row; pipes and line breaks in cells are escaped so they cannot break the table.</summary>
    public void AddRow(params string[] cells)
    {
        _text.Append('|');
        foreach (string cell in cells)
        {
            _text.Append(' ').Append(Escape(cell)).Append(" |");
        }

        _text.Append('\n');
    }

    /// <inheritdoc/>
    public override string ToString() => _text.ToString();

    private static string Escape(string cell) =>
        cell.Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r\n", " ", StringComparison.Ordinal)
            .Replace('\n', ' ')
            .Replace('\r', ' ');
}
