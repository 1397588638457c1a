using System.Text;

namespace FerOrleans.Reporting;

/// <summary>Escapes text for HTML element content and quoted attributes; other characters stay as UTF-8.</summary>
internal static class HtmlText
{
    /// <summary>Replaces &amp;, &lt;, &gt;, &quot; and ' by their character references.</summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder encoded = new(text.Length);
        foreach (char character in text)
        {
            encoded.Append(character switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => character.ToString(),
            });
        }

        return encoded.ToString();
    }
}
