namespace FerOrleans.Learning.Data;

/// <summary>Options shared by every import form.</summary>
/// <param name="Name">Data set name; each reader has a default (the file or folder name).</param>
/// <param name="SkipInvalid">
/// When true, an invalid row or file is skipped and listed in the report; when false, the first one throws.
/// </param>
/// <param name="DropConstantImages">
/// When true, images whose pixels all have one value are left out; either way they are listed in the report.
/// </param>
/// <param name="Usages">
/// Usage values to keep (for example "Training", or "train" for the image-folder layout), compared after trimming
/// and ignoring case; null keeps every image.
/// </param>
/// <param name="Preprocess">How photos become training images; not used by the FER2013 CSV forms.</param>
public sealed record ImportOptions(
    string? Name = null,
    bool SkipInvalid = false,
    bool DropConstantImages = false,
    IReadOnlyCollection<string>? Usages = null,
    PreprocessOptions? Preprocess = null)
{
    /// <summary>The pre-processing to apply, <see cref="PreprocessOptions.Default"/> when none was given.</summary>
    public PreprocessOptions EffectivePreprocess => Preprocess ?? PreprocessOptions.Default;

    /// <summary>Returns true when <paramref name="usage"/> passes the usage filter.</summary>
    public bool IsRequested(ReadOnlySpan<char> usage)
    {
        if (Usages is null)
        {
            return true;
        }
        foreach (var value in Usages)
        {
            if (usage.Trim().Equals(value.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
