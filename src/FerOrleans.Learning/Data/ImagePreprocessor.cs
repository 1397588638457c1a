using SkiaSharp;

namespace FerOrleans.Learning.Data;

/// <summary>
/// Decodes a photo with SkiaSharp, crops it, resizes it to a square and converts it to 8-bit grayscale,
/// as the study prepares the child photos to match FER2013.
/// </summary>
public static class ImagePreprocessor
{
    // Trilinear filtering: bilinear within the nearest two mipmap levels, so a 1350 -> 48 downscale
    // averages over the whole footprint instead of sampling a few source pixels.
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>
    /// Loads the image at <paramref name="path"/> (JPEG or PNG) and returns <c>Size * Size</c> gray bytes, row-major.
    /// Gray is BT.709 luma of the stored (gamma-encoded) values: 0.2126 R + 0.7152 G + 0.0722 B.
    /// Transparent pixels are composited over black. The EXIF orientation is not applied.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="ImageFileException">
    /// The file is not a decodable image, is truncated, or has more than
    /// <see cref="PreprocessOptions.MaxPixels"/> pixels.
    /// </exception>
    public static byte[] Load(string path, PreprocessOptions options)
    {
        options.Validate();
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Image file '{path}' not found. Check the path.", path);
        }

        using var bitmap = Decode(path, options.MaxPixels);
        using var image = SKImage.FromBitmap(bitmap);

        // Cutting the crop out first keeps the filter from blending in pixels just outside the crop,
        // which drawing a source rectangle of the whole image does at the crop edges.
        using var cropped = image.Subset(CropRect(bitmap.Width, bitmap.Height, options))
            ?? throw new InvalidOperationException($"SkiaSharp could not crop image '{path}'.");
        return ResizeToGray(cropped, options.Size);
    }

    /// <summary>
    /// Draws the whole <paramref name="image"/> into a size x size square and returns its gray bytes.
    /// </summary>
    internal static byte[] ResizeToGray(SKImage image, int size)
    {
        var colorInfo = new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(colorInfo)
            ?? throw new InvalidOperationException($"SkiaSharp could not create a {size}x{size} RGBA surface.");
        surface.Canvas.Clear(SKColors.Black);
        surface.Canvas.DrawImage(image, SKRect.Create(image.Width, image.Height), SKRect.Create(size, size), Sampling);
        return ReadGray(surface, size);
    }

    /// <summary>Reads a surface as Gray8; Skia converts RGBA to gray with the BT.709 luma weights.</summary>
    internal static byte[] ReadGray(SKSurface surface, int size)
    {
        var grayInfo = new SKImageInfo(size, size, SKColorType.Gray8, SKAlphaType.Opaque);
        using var gray = new SKBitmap(grayInfo);
        if (!surface.ReadPixels(grayInfo, gray.GetPixels(), gray.RowBytes, 0, 0))
        {
            throw new InvalidOperationException($"SkiaSharp could not convert a {size}x{size} surface to Gray8.");
        }

        var pixels = new byte[size * size];
        var span = gray.GetPixelSpan();
        for (var y = 0; y < size; y++)
        {
            span.Slice(y * gray.RowBytes, size).CopyTo(pixels.AsSpan(y * size));
        }

        return pixels;
    }

    private static SKBitmap Decode(string path, long maxPixels)
    {
        using var codec = SKCodec.Create(path, out var createResult)
            ?? throw new ImageFileException(path,
                $"Image file '{path}' could not be decoded ({createResult}). "
                + "Convert it to JPEG or PNG, or remove it from the data set.",
                SkipReasons.Undecodable);

        // The header gives the size, so an oversized image is rejected before any pixel memory is allocated.
        var header = codec.Info;
        var pixelCount = (long)header.Width * header.Height;
        if (pixelCount > maxPixels)
        {
            throw new ImageFileException(path,
                $"Image file '{path}' is {header.Width}x{header.Height} = {pixelCount} pixels, "
                + $"more than the limit of {maxPixels}. Downscale the image or raise the limit "
                + "(PreprocessOptions.MaxPixels, fer data import --max-pixels).",
                SkipReasons.OverPixelLimit);
        }

        var info = new SKImageInfo(header.Width, header.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new ImageFileException(path,
                $"Image file '{path}' could not be decoded ({result}); it may be truncated or corrupt. "
                + "Re-export the image or remove it from the data set.",
                SkipReasons.Undecodable);
        }

        return bitmap;
    }

    /// <summary>Returns the crop in whole pixels, at least 1x1 and inside the image.</summary>
    private static SKRectI CropRect(int width, int height, PreprocessOptions options)
    {
        switch (options.Crop)
        {
            case CropMode.CenterSquare:
                var side = Math.Min(width, height);
                return SKRectI.Create((width - side) / 2, (height - side) / 2, side, side);
            case CropMode.Box:
                var box = options.Box!;
                var left = Math.Clamp((int)Math.Round(box.Left * width), 0, width - 1);
                var top = Math.Clamp((int)Math.Round(box.Top * height), 0, height - 1);
                var right = Math.Clamp((int)Math.Round((box.Left + box.Width) * width), left + 1, width);
                var bottom = Math.Clamp((int)Math.Round((box.Top + box.Height) * height), top + 1, height);
                return new SKRectI(left, top, right, bottom);
            case CropMode.None:
                return SKRectI.Create(width, height);
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Crop, "Unknown crop mode.");
        }
    }
}
