namespace FerOrleans.Learning.Data;

/// <summary>How a photo becomes one grayscale training image.</summary>
/// <param name="Crop">Part of the image that is kept.</param>
/// <param name="Box">Crop rectangle, required when <paramref name="Crop"/> is <see cref="CropMode.Box"/>.</param>
/// <param name="Size">Side length of the square output image in pixels (FER2013 uses 48).</param>
/// <param name="MaxPixels">
/// Maximum width x height accepted. A larger image is rejected from its header before its pixels are decoded,
/// so a corrupt or hostile file cannot exhaust memory. 40 million pixels take 160 MB as RGBA.
/// </param>
public sealed record PreprocessOptions(
    CropMode Crop = CropMode.CenterSquare,
    CropBox? Box = null,
    int Size = PreprocessOptions.DefaultSize,
    long MaxPixels = PreprocessOptions.DefaultMaxPixels)
{
    /// <summary>Output side length of FER2013, in pixels.</summary>
    public const int DefaultSize = 48;

    /// <summary>Default decode limit, in pixels (width x height).</summary>
    public const long DefaultMaxPixels = 40_000_000;

    /// <summary>Centre square, 48x48, 40 million pixel limit.</summary>
    public static PreprocessOptions Default { get; } = new();

    /// <summary>Throws when a value is out of range or the box is missing for <see cref="CropMode.Box"/>.</summary>
    public void Validate()
    {
        if (Size < 1)
        {
            throw new ArgumentException($"Invalid output size {Size}. Give a side length of at least 1 pixel.");
        }
        if (MaxPixels < 1)
        {
            throw new ArgumentException($"Invalid pixel limit {MaxPixels}. Give at least 1 pixel.");
        }
        if (Crop == CropMode.Box)
        {
            if (Box is null)
            {
                throw new ArgumentException("Crop mode Box needs a crop box. Set Box, or use CenterSquare.");
            }
            Box.Validate();
        }
    }
}
