namespace FerOrleans.Learning.Data;

/// <summary>
/// Generates drawn grayscale faces with the seven emotions, for tests and demonstrations where no licensed
/// face data may be used. Emotions differ in mouth curvature and opening, brow angle and height, eye openness
/// and nose wrinkles. Child faces are rounder, with larger eyes set lower and smaller features; adult faces are
/// longer. Every drawn person is one subject with one image per emotion.
/// </summary>
public static class SyntheticFaces
{
    // Each expression feature varies by up to this amount per image, so classes overlap a little but stay apart.
    private const double ExpressionJitter = 0.1;

    /// <summary>
    /// Draws <paramref name="imagesPerClass"/> persons, each showing all seven emotions, ordered by label then person.
    /// The same arguments give the same pixels. Subject ids are <c>&lt;domain&gt;-&lt;nnnn&gt;</c>, image ids
    /// <c>&lt;subject&gt;/&lt;emotion&gt;</c>, the name is <c>synthetic-&lt;domain&gt;-seed&lt;seed&gt;</c>.
    /// </summary>
    public static FaceDataset Generate(
        SyntheticDomain domain, int imagesPerClass, int seed, int size = PreprocessOptions.DefaultSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(imagesPerClass, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 8);

        var domainName = domain.ToString().ToLowerInvariant();
        var identities = Enumerable.Range(0, imagesPerClass)
            .Select(k => FaceIdentity.Create(domain, new SeededRandom(Mix(seed, (int)domain, k, -1))))
            .ToArray();
        var emotions = Enum.GetValues<Emotion>();
        var count = emotions.Length * imagesPerClass;
        var pixels = new byte[count * size * size];
        var labels = new Emotion[count];
        var subjectIds = new string[count];
        var imageIds = new string[count];
        for (var e = 0; e < emotions.Length; e++)
        {
            for (var k = 0; k < imagesPerClass; k++)
            {
                var i = e * imagesPerClass + k;
                var random = new SeededRandom(Mix(seed, (int)domain, k, e));
                var shape = ExpressionShape.For(emotions[e]).Jitter(random, ExpressionJitter);
                SyntheticFaceRenderer.Render(identities[k], shape, random, size).CopyTo(pixels.AsSpan(i * size * size));
                labels[i] = emotions[e];
                subjectIds[i] = $"{domainName}-{k:D4}";
                imageIds[i] = $"{subjectIds[i]}/{EmotionNames.Name(emotions[e])}";
            }
        }

        var name = $"synthetic-{domainName}-seed{seed}";
        return new FaceDataset(name, size, pixels, labels, subjectIds, imageIds, isSynthetic: true);
    }

    /// <summary>
    /// Combines the arguments into one seed (FNV-1a over their bytes), so each image has its own random stream
    /// independent of generation order. <see cref="HashCode"/> is not used because it is randomised per process.
    /// </summary>
    private static int Mix(int seed, int domain, int person, int emotion)
    {
        var hash = 2166136261u;
        foreach (var value in (ReadOnlySpan<int>)[seed, domain, person, emotion])
        {
            for (var shift = 0; shift < 32; shift += 8)
            {
                hash = (hash ^ (byte)(value >> shift)) * 16777619u;
            }
        }
        return unchecked((int)hash);
    }
}
