namespace FerOrleans.Learning.Data;

/// <summary>Options of <see cref="Fer2013CsvReader"/>.</summary>
/// <param name="Usages">
/// Usage values to import (for example "Training"), compared after trimming and ignoring case; null imports all rows.
/// Rows with another usage are counted but their pixels are neither parsed nor validated.
/// </param>
/// <param name="SkipInvalidRows">
/// When true, an invalid row is skipped and listed in the report.
/// When false, it throws <see cref="DataFormatException"/>.
/// </param>
/// <param name="Name">Data set name; defaults to the file name without extension.</param>
/// <param name="ImageSize">Side length of the images; each row must have ImageSize x ImageSize values.</param>
/// <param name="DropConstantImages">
/// When true, images whose pixels all have one value are left out of the data set; either way the report lists them.
/// </param>
public sealed record Fer2013ReadOptions(
    IReadOnlyCollection<string>? Usages = null,
    bool SkipInvalidRows = false,
    string? Name = null,
    int ImageSize = Fer2013ReadOptions.Fer2013ImageSize,
    bool DropConstantImages = false)
{
    /// <summary>FER2013 images are 48x48, so a row has 2304 pixel values.</summary>
    public const int Fer2013ImageSize = 48;
}
