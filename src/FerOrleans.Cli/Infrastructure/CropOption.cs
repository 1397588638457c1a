using System.Globalization;
using FerOrleans.Learning.Data;

namespace FerOrleans.Cli.Infrastructure;

/// <summary>
/// The <c>--crop</c> syntax: <c>center</c> (centred square), <c>none</c>, or <c>box:LEFT,TOP,WIDTH,HEIGHT</c>
/// as fractions of the image. The same text is stored with a data set so <c>fer predict</c> repeats it.
/// </summary>
public static class CropOption
{
    public const string Help = "center (centred square), none, or box:LEFT,TOP,WIDTH,HEIGHT as fractions, e.g. box:0.25,0.16,0.5,0.5";

    public static PreprocessOptions Parse(string text)
    {
        var value = text.Trim().ToLowerInvariant();
        if (value is "center" or "centre")
        {
            return new PreprocessOptions(CropMode.CenterSquare);
        }
        if (value == "none")
        {
            return new PreprocessOptions(CropMode.None);
        }
        if (value.StartsWith("box:", StringComparison.Ordinal))
        {
            var parts = value["box:".Length..].Split(',');
            if (parts.Length == 4 && parts.All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                var n = parts.Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
                var box = new CropBox(n[0], n[1], n[2], n[3]);
                box.Validate();
                return new PreprocessOptions(CropMode.Box, box);
            }
        }
        throw new ArgumentException($"--crop '{text}' is not understood; use {Help}.");
    }

    public static string Format(PreprocessOptions options) => options.Crop switch
    {
        CropMode.CenterSquare => "center",
        CropMode.None => "none",
        CropMode.Box => string.Create(CultureInfo.InvariantCulture,
            $"box:{options.Box!.Left},{options.Box.Top},{options.Box.Width},{options.Box.Height}"),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Crop, null),
    };
}
