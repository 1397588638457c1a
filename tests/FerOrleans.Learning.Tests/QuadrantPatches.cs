using FerOrleans.Learning.Augmentation;
using FerOrleans.Learning.Data;

namespace FerOrleans.Learning.Tests;

/// <summary>
/// A two-class 48x48 set decided by where a bright square sits: in the top-left quadrant for
/// <see cref="Emotion.Happy"/>, in the bottom-right quadrant for <see cref="Emotion.Sad"/>. Every other pixel is noise.
/// </summary>
internal static class QuadrantPatches
{
    public const int Size = 48;

    /// <summary>Side of the bright square, which always lies inside its class's quadrant.</summary>
    public const int PatchSize = 14;

    public static readonly Emotion[] Labels = [Emotion.Happy, Emotion.Sad];

    /// <summary>Returns <paramref name="perClass"/> images of each class, alternating the classes.</summary>
    public static FaceDataset Create(string name, int perClass, ulong seed)
    {
        var random = new RandomStream(seed);
        var count = 2 * perClass;
        var pixels = new byte[count * Size * Size];
        var labels = new Emotion[count];
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = Labels[i % 2];
            ids[i] = $"{name}-{i}";
            Draw(labels[i], random, pixels.AsSpan(i * Size * Size, Size * Size));
        }

        return new FaceDataset(name, Size, pixels, labels, ids, ids, isSynthetic: true);
    }

    /// <summary>True when pixel (x, y) lies in the quadrant that decides <paramref name="label"/>.</summary>
    public static bool InDecidingQuadrant(Emotion label, int x, int y) => label == Emotion.Happy
        ? x < Size / 2 && y < Size / 2
        : x >= Size / 2 && y >= Size / 2;

    private static void Draw(Emotion label, RandomStream random, Span<byte> image)
    {
        for (var p = 0; p < image.Length; p++)
        {
            image[p] = (byte)random.NextInt32(20, 140);
        }

        // Top-left corner of the square, anywhere that keeps it 2 pixels inside its quadrant.
        var offset = label == Emotion.Happy ? 2 : Size / 2 + 2;
        var range = Size / 2 - PatchSize - 4;
        var left = offset + random.NextInt32(range + 1);
        var top = offset + random.NextInt32(range + 1);
        for (var y = top; y < top + PatchSize; y++)
        {
            for (var x = left; x < left + PatchSize; x++)
            {
                image[y * Size + x] = (byte)random.NextInt32(210, 250);
            }
        }
    }
}
