using System.Globalization;

namespace FerOrleans.Cli.Commands.Bench;

/// <summary>Parsing of the comma-separated list options of the bench commands.</summary>
public static class BenchLists
{
    /// <summary>Splits <paramref name="text"/> at commas and parses each entry.</summary>
    /// <exception cref="FormatException">The list is empty or an entry is invalid; the message names <paramref name="option"/>.</exception>
    public static IReadOnlyList<T> Parse<T>(string text, string option, Func<string, T> parse)
    {
        var entries = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            throw new FormatException($"{option} needs at least one value; got '{text}'.");
        }

        return entries.Select(parse).ToArray();
    }

    /// <summary>Parses an integer >= 1.</summary>
    public static int PositiveInt(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? value
            : throw new FormatException($"{option}: '{text}' is not an integer >= 1.");
}
