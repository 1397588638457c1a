namespace FerOrleans.Learning.Augmentation;

/// <summary>
/// The fixed normalisation of network inputs: x' = (x - 0.5) / 0.5 for pixels x in [0, 1], so
/// inputs lie in [-1, 1].
/// </summary>
/// <remarks>
/// A fixed mean and standard deviation rather than statistics of the training images: a saved
/// model then needs no data-set statistics to predict, and runs on different splits feed the
/// network identically scaled inputs. Training, evaluation and prediction all use this class.
/// </remarks>
public static class PixelNormalization
{
    public const float Mean = 0.5f;

    public const float StandardDeviation = 0.5f;

    /// <summary>Normalises pixels in [0, 1] in place.</summary>
    public static void Normalize(Span<float> pixels)
    {
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (pixels[i] - Mean) / StandardDeviation;
        }
    }

    /// <summary>Writes the normalised value of each byte pixel (0-255) into <paramref name="output"/>.</summary>
    public static void NormalizeBytes(ReadOnlySpan<byte> pixels, Span<float> output)
    {
        if (output.Length != pixels.Length)
        {
            throw new ArgumentException(
                $"The output has {output.Length} pixels but the image has {pixels.Length}.", nameof(output));
        }

        for (var i = 0; i < pixels.Length; i++)
        {
            output[i] = (pixels[i] / 255f - Mean) / StandardDeviation;
        }
    }
}
