namespace FerOrleans.Learning.Data;

/// <summary>The fixed proportions and tones of one drawn person; lengths are fractions of the head width.</summary>
/// <param name="HeadWidth">Head width as a fraction of the image side.</param>
/// <param name="Aspect">Head height / head width.</param>
/// <param name="EyeLevel">Eye centre height, as a fraction of the head height from its top.</param>
/// <param name="EyeSpacing">Distance between the eye centres.</param>
/// <param name="EyeSize">Eye width.</param>
/// <param name="FeatureScale">Size factor of brows, nose and mouth.</param>
/// <param name="Skin">Skin gray level 0-255.</param>
/// <param name="Hair">Hair gray level 0-255.</param>
/// <param name="Background">Background gray level 0-255.</param>
internal sealed record FaceIdentity(
    double HeadWidth,
    double Aspect,
    double EyeLevel,
    double EyeSpacing,
    double EyeSize,
    double FeatureScale,
    byte Skin,
    byte Hair,
    byte Background)
{
    /// <summary>Draws the proportions of one person of <paramref name="domain"/>.</summary>
    public static FaceIdentity Create(SyntheticDomain domain, SeededRandom random)
    {
        var skin = random.NextInt(120, 215);
        var hair = (byte)random.NextInt(20, 110);

        // The background differs from the skin by 40-100 levels, so every head is visible.
        var offset = random.NextInt(40, 101);
        var darker = random.NextDouble() < 0.5 || skin + offset > 240;
        var background = (byte)(darker ? skin - offset : skin + offset);
        return domain switch
        {
            SyntheticDomain.Child => new FaceIdentity(
                random.NextDouble(0.62, 0.70),
                random.NextDouble(1.00, 1.10),
                random.NextDouble(0.53, 0.58),
                random.NextDouble(0.36, 0.40),
                random.NextDouble(0.15, 0.18),
                random.NextDouble(0.78, 0.88),
                (byte)skin,
                hair,
                background),
            SyntheticDomain.Adult => new FaceIdentity(
                random.NextDouble(0.50, 0.56),
                random.NextDouble(1.28, 1.42),
                random.NextDouble(0.40, 0.45),
                random.NextDouble(0.38, 0.42),
                random.NextDouble(0.13, 0.15),
                random.NextDouble(0.98, 1.08),
                (byte)skin,
                hair,
                background),
            _ => throw new ArgumentOutOfRangeException(nameof(domain), domain, "Use Child or Adult."),
        };
    }
}
