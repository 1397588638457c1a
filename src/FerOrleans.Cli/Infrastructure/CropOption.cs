using System.Globalization;
using FerOrleans.Learning.Data;

namespace FerOrleans.Cli.Infrastructure;

/// <summary>
/// The <c>--crop</c> syntax: <c>center</c> (centred square), <c>none</c>, <c>box:LEFT,TOP,WIDTH,HEIGHT</c> as
/// fractions of the image, or <c>cut:TOP,BOTTOM</c>, the fractions of the height cut off at the top and bottom.
/// The stored form adds <c>;size=N</c> when the output side is not 48, so <c>fer predict</c> repeats both.
/// </summary>
public static class CropOption
{
    public const string Help = "center (centred square), none, box:LEFT,TOP,WIDTH,HEIGHT as fractions "
        + "(e.g. box:0.25,0.16,0.5,0.5), or cut:TOP,BOTTOM, the fractions of the height cut off (e.g. cut:0.1,0.15)";

    private const string SizeSuffix = ";size=";

    /// <summary>Parses a crop text, with an optional <c>;size=N</c> suffix, into pre-processing options.</summary>
    /// <exception cref="ArgumentException">The text is not one of the forms, or a number is out of range.</exception>
    public static PreprocessOptions Parse(string text)
    {
        var value = text.Trim().ToLowerInvariant();
        var size = PreprocessOptions.DefaultSize;
        var suffix = value.IndexOf(SizeSuffix, StringComparison.Ordinal);
        if (suffix >= 0)
        {
            var sizeText = value[(suffix + SizeSuffix.Length)..];
            if (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size))
            {
                throw new ArgumentException($"--crop '{text}' has an invalid size; give ;size=N with N in pixels.");
            }
            value = value[..suffix];
        }
        return ParseCrop(value, text) with { Size = size };
    }

    public static string Format(PreprocessOptions options)
    {
        var crop = options.Crop switch
        {
            CropMode.CenterSquare => "center",
            CropMode.None => "none",
            CropMode.Box => string.Create(CultureInfo.InvariantCulture,
                $"box:{options.Box!.Left},{options.Box.Top},{options.Box.Width},{options.Box.Height}"),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Crop, null),
        };
        return options.Size == PreprocessOptions.DefaultSize
            ? crop
            : string.Create(CultureInfo.InvariantCulture, $"{crop}{SizeSuffix}{options.Size}");
    }

    private static PreprocessOptions ParseCrop(string value, string text)
    {
        if (value is "center" or "centre")
        {
            return new PreprocessOptions(CropMode.CenterSquare);
        }
        if (value == "none")
        {
            return new PreprocessOptions(CropMode.None);
        }
        if (value.StartsWith("box:", StringComparison.Ordinal) && Numbers(value["box:".Length..], 4) is { } n)
        {
            var box = new CropBox(n[0], n[1], n[2], n[3]);
            box.Validate();
            return new PreprocessOptions(CropMode.Box, box);
        }
        if (value.StartsWith("cut:", StringComparison.Ordinal) && Numbers(value["cut:".Length..], 2) is { } cut)
        {
            if (cut[0] < 0 || cut[1] < 0 || cut[0] + cut[1] >= 1)
            {
                throw new ArgumentException(
                    $"--crop '{text}' cuts {cut[0]} and {cut[1]} of the height; give TOP, BOTTOM >= 0 with "
                    + "TOP + BOTTOM < 1.");
            }
            return new PreprocessOptions(CropMode.Box, new CropBox(0, cut[0], 1, 1 - cut[0] - cut[1]));
        }
        throw new ArgumentException($"--crop '{text}' is not understood; use {Help}.");
    }

    private static double[]? Numbers(string text, int count)
    {
        var parts = text.Split(',');
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                return null;
            }
        }
        return values.Length == count ? values : null;
    }
}
