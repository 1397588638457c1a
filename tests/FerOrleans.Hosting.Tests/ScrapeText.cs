namespace FerOrleans.Hosting.Tests;

/// <summary>Reads metric names and samples out of a Prometheus text exposition.</summary>
internal static class ScrapeText
{
    /// <summary>Names of all sample lines (histogram <c>_bucket</c>, <c>_sum</c>, <c>_count</c> included).</summary>
    public static HashSet<string> MetricNames(string text) => Samples(text)
        .Select(line => line[..NameEnd(line)])
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The sample lines of the metric <paramref name="name"/>.</summary>
    public static string[] Lines(string text, string name) => Samples(text)
        .Where(line => line.Length > name.Length && line.StartsWith(name, StringComparison.Ordinal)
            && line[name.Length] is '{' or ' ')
        .ToArray();

    private static IEnumerable<string> Samples(string text) => text.Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && !line.StartsWith('#'));

    private static int NameEnd(string line)
    {
        var end = line.IndexOfAny(['{', ' ']);
        return end < 0 ? line.Length : end;
    }
}
