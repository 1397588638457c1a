using System.Text.RegularExpressions;

namespace FerOrleans.Hosting.Tests;

/// <summary>Extracts the metric names that a PromQL expression selects.</summary>
internal static partial class PromQlMetricNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset",
        "inf", "nan",
    };

    public static IEnumerable<string> Of(string expression)
    {
        var text = LabelValues().Replace(expression, "$1");
        text = StringLiteral().Replace(text, "\"\"");
        text = Matchers().Replace(text, " ");
        text = Grouping().Replace(text, " ");
        text = RangeOrVariable().Replace(text, " ");
        foreach (Match match in Identifier().Matches(text))
        {
            var name = match.Groups[1].Value;
            var isFunction = match.Groups[2].Value == "(";
            if (!isFunction && !Keywords.Contains(name.ToLowerInvariant()))
            {
                yield return name;
            }
        }
    }

    // label_values(metric, label) in Grafana variable queries: keep the metric only.
    [GeneratedRegex(@"label_values\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)[^)]*\)")]
    private static partial Regex LabelValues();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\[[^\]]*\]|\$\{?\w+\}?")]
    private static partial Regex RangeOrVariable();

    [GeneratedRegex(@"(?<![\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\(?)")]
    private static partial Regex Identifier();
}
