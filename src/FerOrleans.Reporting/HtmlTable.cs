using System.Text;

namespace FerOrleans.Reporting;

/// <summary>An HTML table built row by row; cell text is HTML-encoded.</summary>
internal sealed class HtmlTable
{
    private readonly StringBuilder _text = new();

    /// <summary>Starts a table with the given column headers.</summary>
    public HtmlTable(params string[] headers)
    {
        _text.Append("<table>\n<thead><tr>");
        foreach (string header in headers)
        {
            _text.Append("<th>").Append(HtmlText.Encode(header)).Append("</th>");
        }

        _text.Append("</tr></thead>\n<tbody>\n");
    }

    /// <summary>Adds a row of plain cells.</summary>
    public void AddRow(params string[] cells) => AddRow(cells.Select(cell => (cell, false)).ToArray());

    /// <summary>Adds a row; a cell marked bold is wrapped in &lt;strong&gt;.</summary>
    public void AddRow(params (string Text, bool Bold)[] cells)
    {
        _text.Append("<tr>");
        foreach ((string text, bool bold) in cells)
        {
            string encoded = HtmlText.Encode(text);
            _text.Append("<td>").Append(bold ? "<strong>" + encoded + "</strong>" : encoded).Append("</td>");
        }

        _text.Append("</tr>\n");
    }

    /// <summary>Returns the table's HTML.</summary>
    public override string ToString() => _text + "</tbody>\n</table>\n";
}
