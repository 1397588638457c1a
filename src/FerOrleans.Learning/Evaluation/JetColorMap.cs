namespace FerOrleans.Learning.Evaluation;

/// <summary>
/// The jet colour map (dark blue, blue, cyan, yellow, red, dark red), the usual colour map of Grad-CAM figures,
/// as the piecewise-linear channels r = clip(1.5 - |4t - 3|), g = clip(1.5 - |4t - 2|), b = clip(1.5 - |4t - 1|).
/// </summary>
public static class JetColorMap
{
    /// <summary>Returns the colour of <paramref name="value"/>, clamped to [0, 1], as 8-bit R, G, B.</summary>
    public static (byte R, byte G, byte B) Color(float value)
    {
        var t = float.IsNaN(value) ? 0f : Math.Clamp(value, 0f, 1f);
        return (Channel(t, 3f), Channel(t, 2f), Channel(t, 1f));
    }

    private static byte Channel(float t, float centre)
    {
        var level = Math.Clamp(1.5f - Math.Abs(4f * t - centre), 0f, 1f);
        return (byte)MathF.Round(level * 255f);
    }
}
