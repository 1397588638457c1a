namespace FerOrleans.Learning.Data;

/// <summary>How one emotion moves the drawn features; 0 everywhere (except factors of 1) is a neutral face.</summary>
/// <param name="MouthCurve">Corner lift relative to the mouth centre: positive smiles, negative frowns.</param>
/// <param name="MouthOpen">Gap between the lips, 0 closed to 1 wide open.</param>
/// <param name="MouthWidth">Mouth width factor.</param>
/// <param name="MouthTilt">One corner higher than the other (a sneer), in the same units as the curve.</param>
/// <param name="BrowTilt">Inner brow ends up (positive, worried) or down (negative, frowning).</param>
/// <param name="BrowRaise">Whole brow up (positive) or down (negative).</param>
/// <param name="EyeOpen">Eye height factor: below 1 squints, above 1 widens.</param>
/// <param name="NoseWrinkle">Wrinkle lines beside the nose, 0 or 1.</param>
/// <param name="ShowsTeeth">Upper teeth visible in the open mouth.</param>
internal sealed record ExpressionShape(
    double MouthCurve,
    double MouthOpen,
    double MouthWidth,
    double MouthTilt,
    double BrowTilt,
    double BrowRaise,
    double EyeOpen,
    double NoseWrinkle,
    bool ShowsTeeth = false)
{
    /// <summary>Returns the shape of an emotion; the seven shapes differ in at least two features each.</summary>
    public static ExpressionShape For(Emotion emotion) => emotion switch
    {
        Emotion.Angry => new(-0.25, 0.0, 0.75, 0.0, -1.0, -0.6, 0.65, 0),
        Emotion.Disgust => new(-0.35, 0.15, 0.85, 0.5, -0.4, -0.7, 0.45, 1),
        Emotion.Fear => new(-0.15, 0.45, 1.05, 0.0, 0.8, 0.9, 1.5, 0),
        Emotion.Happy => new(1.0, 0.35, 1.2, 0.0, 0.0, 0.1, 0.75, 0, ShowsTeeth: true),
        Emotion.Sad => new(-0.85, 0.0, 0.9, 0.0, 1.0, 0.15, 0.7, 0),
        Emotion.Surprise => new(0.0, 1.0, 0.55, 0.0, 0.0, 1.3, 1.6, 0),
        Emotion.Neutral => new(0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0),
        _ => throw new ArgumentOutOfRangeException(nameof(emotion), emotion, "Not one of the seven emotion ids 0-6."),
    };

    /// <summary>
    /// Returns the shape with each continuous feature moved by up to +-<paramref name="amount"/>;
    /// a closed mouth stays closed.
    /// </summary>
    public ExpressionShape Jitter(SeededRandom random, double amount) => this with
    {
        MouthCurve = MouthCurve + random.NextDouble(-amount, amount),
        MouthOpen = MouthOpen > 0 ? Math.Max(0.05, MouthOpen + random.NextDouble(-amount, amount) * 0.5) : 0,
        MouthWidth = MouthWidth * (1 + random.NextDouble(-amount, amount) * 0.5),
        BrowTilt = BrowTilt + random.NextDouble(-amount, amount),
        BrowRaise = BrowRaise + random.NextDouble(-amount, amount),
        EyeOpen = EyeOpen * (1 + random.NextDouble(-amount, amount) * 0.5),
    };
}
