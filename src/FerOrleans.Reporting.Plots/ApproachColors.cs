using OxyPlot;

namespace FerOrleans.Reporting.Plots;

/// <summary>One colour per approach, by its position in the report's approach list, so every panel agrees.</summary>
internal static class ApproachColors
{
    // The Tableau 10 palette: distinct hues that stay apart in print and for common colour blindness.
    private static readonly OxyColor[] Palette =
    [
        OxyColor.FromRgb(0x4E, 0x79, 0xA7), OxyColor.FromRgb(0xF2, 0x8E, 0x2B), OxyColor.FromRgb(0xE1, 0x57, 0x59),
        OxyColor.FromRgb(0x76, 0xB7, 0xB2), OxyColor.FromRgb(0x59, 0xA1, 0x4F), OxyColor.FromRgb(0xED, 0xC9, 0x48),
        OxyColor.FromRgb(0xB0, 0x7A, 0xA1), OxyColor.FromRgb(0xFF, 0x9D, 0xA7), OxyColor.FromRgb(0x9C, 0x75, 0x5F),
        OxyColor.FromRgb(0xBA, 0xB0, 0xAC),
    ];

    /// <summary>Returns the colour of the approach at <paramref name="index"/>; colours repeat after 10.</summary>
    public static OxyColor For(int index) => Palette[index % Palette.Length];
}
