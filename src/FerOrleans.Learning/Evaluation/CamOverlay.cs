namespace FerOrleans.Learning.Evaluation;

/// <summary>Alpha blend of a Grad-CAM map, coloured with <see cref="JetColorMap"/>, over a grayscale image.</summary>
public static class CamOverlay
{
    /// <summary>Weight of the colour map in the blend: 0 shows only the image, 1 only the map.</summary>
    public const float DefaultAlpha = 0.45f;

    /// <summary>
    /// Returns RGBA bytes (4 per pixel, opaque, row-major) of <c>(1 - alpha) x gray + alpha x jet(map)</c>.
    /// </summary>
    /// <param name="gray">Gray pixels 0-255, row-major, one per map value.</param>
    /// <param name="map">Map values in [0, 1], row-major.</param>
    /// <param name="alpha">Weight of the colour map, in [0, 1].</param>
    public static byte[] Blend(ReadOnlySpan<byte> gray, ReadOnlySpan<float> map, float alpha = DefaultAlpha)
    {
        if (gray.Length != map.Length)
        {
            throw new ArgumentException($"The image has {gray.Length} pixels but the map has {map.Length} values.", nameof(map));
        }
        if (!(alpha >= 0f && alpha <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The blend weight must lie in [0, 1].");
        }

        var rgba = new byte[gray.Length * 4];
        for (var i = 0; i < gray.Length; i++)
        {
            var (r, g, b) = JetColorMap.Color(map[i]);
            var background = (1f - alpha) * gray[i];
            rgba[4 * i] = Mix(background, r, alpha);
            rgba[4 * i + 1] = Mix(background, g, alpha);
            rgba[4 * i + 2] = Mix(background, b, alpha);
            rgba[4 * i + 3] = 255;
        }

        return rgba;
    }

    private static byte Mix(float background, byte colour, float alpha) =>
        (byte)Math.Clamp(MathF.Round(background + alpha * colour), 0f, 255f);
}
