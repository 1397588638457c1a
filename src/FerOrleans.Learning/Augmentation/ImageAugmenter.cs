using FerOrleans.Learning.Training;

namespace FerOrleans.Learning.Augmentation;

/// <summary>
/// Per-image random augmentation of square grayscale images: random resized crop, horizontal
/// flip, then brightness and contrast jitter, following torchvision's RandomResizedCrop,
/// RandomHorizontalFlip and RandomApply(ColorJitter) as SupContrast combines them.
/// </summary>
/// <remarks>
/// Every decision is drawn from the <see cref="RandomStream"/> passed in, so one call augments
/// one image and the result depends only on the image and the stream. TorchSharp's transforms
/// draw one decision per batch tensor and use an unseeded <see cref="System.Random"/>, which is
/// why this class exists. Saturation and hue jitter do nothing to a grayscale image and are left
/// out. The instance has no mutable state and may be shared between threads.
/// </remarks>
public sealed class ImageAugmenter
{
    // torchvision's default aspect-ratio range of RandomResizedCrop: (3/4, 4/3).
    private static readonly double LogMinAspectRatio = Math.Log(3.0 / 4.0);
    private static readonly double LogMaxAspectRatio = Math.Log(4.0 / 3.0);

    // torchvision tries this many random boxes before it falls back to a central crop.
    private const int CropAttempts = 10;

    private const int MaxStackImageSide = 256;

    public ImageAugmenter(AugmentationOptions options, int imageSize)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageSize, 1);
        Validate(options);
        Options = options;
        ImageSize = imageSize;
    }

    public AugmentationOptions Options { get; }

    /// <summary>Side length in pixels of the square input and output images.</summary>
    public int ImageSize { get; }

    public int PixelsPerImage => ImageSize * ImageSize;

    /// <summary>
    /// Writes one random augmentation of <paramref name="image"/> (bytes 0-255, row-major) into
    /// <paramref name="output"/> as floats in [0, 1].
    /// </summary>
    public void Augment(ReadOnlySpan<byte> image, Span<float> output, RandomStream random)
    {
        CheckLengths(image, output);
        ArgumentNullException.ThrowIfNull(random);

        var box = DrawCrop(random);
        var flip = random.NextBoolean(Options.FlipProbability);
        ResizeCrop(image, box, flip, output);

        if (random.NextBoolean(Options.JitterProbability))
        {
            Jitter(output, random);
        }
    }

    /// <summary>Writes <paramref name="image"/> unchanged into <paramref name="output"/> as floats in [0, 1].</summary>
    public static void ToUnitRange(ReadOnlySpan<byte> image, Span<float> output)
    {
        if (output.Length != image.Length)
        {
            throw new ArgumentException(
                $"The output has {output.Length} pixels but the image has {image.Length}.", nameof(output));
        }

        for (var i = 0; i < image.Length; i++)
        {
            output[i] = image[i] / 255f;
        }
    }

    /// <summary>
    /// Draws the crop box as torchvision's RandomResizedCrop.get_params does: area fraction from
    /// [CropScaleMin, CropScaleMax], log-uniform aspect ratio from (3/4, 4/3), ten attempts, then
    /// the largest central box whose aspect ratio lies in that range.
    /// </summary>
    public CropBox DrawCrop(RandomStream random)
    {
        var side = ImageSize;
        double area = side * side;
        for (var attempt = 0; attempt < CropAttempts; attempt++)
        {
            var targetArea = area * random.NextDouble(Options.CropScaleMin, Options.CropScaleMax);
            var aspectRatio = Math.Exp(random.NextDouble(LogMinAspectRatio, LogMaxAspectRatio));

            // Math.Round rounds half to even, as Python's round() in torchvision does.
            var width = (int)Math.Round(Math.Sqrt(targetArea * aspectRatio));
            var height = (int)Math.Round(Math.Sqrt(targetArea / aspectRatio));
            if (width > 0 && width <= side && height > 0 && height <= side)
            {
                var top = random.NextInt32(side - height + 1);
                var left = random.NextInt32(side - width + 1);
                return new CropBox(top, left, height, width);
            }
        }

        // A square image lies inside the aspect-ratio range, so the fallback is the whole image.
        return new CropBox(0, 0, side, side);
    }

    /// <summary>
    /// Resizes the crop <paramref name="box"/> of <paramref name="image"/> to the full image size
    /// with bilinear interpolation (half-pixel centres, as torch's interpolate with
    /// align_corners=false), mirrored horizontally when <paramref name="flip"/> is set.
    /// </summary>
    public void ResizeCrop(ReadOnlySpan<byte> image, CropBox box, bool flip, Span<float> output)
    {
        CheckLengths(image, output);
        var side = ImageSize;
        if (box.Top < 0 || box.Left < 0 || box.Height < 1 || box.Width < 1
            || box.Top + box.Height > side || box.Left + box.Width > side)
        {
            throw new ArgumentOutOfRangeException(nameof(box), box, $"The crop box must lie inside the {side}x{side} image.");
        }

        Span<int> column0 = side <= MaxStackImageSide ? stackalloc int[side] : new int[side];
        Span<int> column1 = side <= MaxStackImageSide ? stackalloc int[side] : new int[side];
        Span<float> columnWeight = side <= MaxStackImageSide ? stackalloc float[side] : new float[side];
        for (var x = 0; x < side; x++)
        {
            SourcePosition(x, box.Width, out var first, out var second, out var weight);
            column0[x] = box.Left + first;
            column1[x] = box.Left + second;
            columnWeight[x] = weight;
        }

        for (var y = 0; y < side; y++)
        {
            SourcePosition(y, box.Height, out var first, out var second, out var rowWeight);
            var row0 = image.Slice((box.Top + first) * side, side);
            var row1 = image.Slice((box.Top + second) * side, side);
            var outputRow = output.Slice(y * side, side);
            for (var x = 0; x < side; x++)
            {
                var w = columnWeight[x];
                var upper = row0[column0[x]] + w * (row0[column1[x]] - row0[column0[x]]);
                var lower = row1[column0[x]] + w * (row1[column1[x]] - row1[column0[x]]);
                var value = (upper + rowWeight * (lower - upper)) / 255f;
                outputRow[flip ? side - 1 - x : x] = value;
            }
        }
    }

    /// <summary>
    /// Applies brightness and contrast jitter in random order, as ColorJitter does with its
    /// random permutation of the four adjustments. Brightness scales the pixels; contrast blends
    /// them with the mean of the current image. Both clamp to [0, 1].
    /// </summary>
    private void Jitter(Span<float> pixels, RandomStream random)
    {
        var brightnessFirst = random.NextBoolean(0.5);
        var brightness = random.NextDouble(Math.Max(0, 1 - Options.Brightness), 1 + Options.Brightness);
        var contrast = random.NextDouble(Math.Max(0, 1 - Options.Contrast), 1 + Options.Contrast);
        if (brightnessFirst)
        {
            AdjustBrightness(pixels, (float)brightness);
            AdjustContrast(pixels, (float)contrast);
        }
        else
        {
            AdjustContrast(pixels, (float)contrast);
            AdjustBrightness(pixels, (float)brightness);
        }
    }

    private static void AdjustBrightness(Span<float> pixels, float factor)
    {
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = Math.Clamp(pixels[i] * factor, 0f, 1f);
        }
    }

    private static void AdjustContrast(Span<float> pixels, float factor)
    {
        double sum = 0;
        foreach (var pixel in pixels)
        {
            sum += pixel;
        }

        var mean = (float)(sum / pixels.Length);
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = Math.Clamp(factor * pixels[i] + (1 - factor) * mean, 0f, 1f);
        }
    }

    /// <summary>
    /// Maps output pixel <paramref name="index"/> of an image of <see cref="ImageSize"/> pixels
    /// onto a source extent of <paramref name="sourceSize"/> pixels: the two neighbouring source
    /// pixels and the weight of the second.
    /// </summary>
    private void SourcePosition(int index, int sourceSize, out int first, out int second, out float weight)
    {
        var position = (index + 0.5) * sourceSize / ImageSize - 0.5;
        if (position < 0)
        {
            position = 0;
        }

        first = (int)position;
        second = first < sourceSize - 1 ? first + 1 : first;
        weight = (float)(position - first);
    }

    private void CheckLengths(ReadOnlySpan<byte> image, Span<float> output)
    {
        if (image.Length != PixelsPerImage)
        {
            throw new ArgumentException(
                $"The image has {image.Length} pixels; a {ImageSize}x{ImageSize} image has {PixelsPerImage}.", nameof(image));
        }

        if (output.Length != PixelsPerImage)
        {
            throw new ArgumentException(
                $"The output has {output.Length} pixels; a {ImageSize}x{ImageSize} image has {PixelsPerImage}.", nameof(output));
        }
    }

    private static void Validate(AugmentationOptions options)
    {
        if (!(options.CropScaleMin > 0 && options.CropScaleMin <= options.CropScaleMax && options.CropScaleMax <= 1))
        {
            throw new ArgumentException(
                $"Invalid crop scale range [{options.CropScaleMin}, {options.CropScaleMax}]: "
                + "it needs 0 < CropScaleMin <= CropScaleMax <= 1.", nameof(options));
        }

        CheckProbability(options.FlipProbability, nameof(options.FlipProbability));
        CheckProbability(options.JitterProbability, nameof(options.JitterProbability));
        CheckStrength(options.Brightness, nameof(options.Brightness));
        CheckStrength(options.Contrast, nameof(options.Contrast));
    }

    private static void CheckProbability(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentException($"Invalid {name} {value}: a probability lies in [0, 1].", "options");
        }
    }

    private static void CheckStrength(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentException($"Invalid {name} {value}: a jitter strength is a finite number >= 0.", "options");
        }
    }
}
