using FerOrleans.Learning.Augmentation;
using FerOrleans.Learning.Data;

namespace FerOrleans.Learning.Tests;

/// <summary>
/// Generated 48x48 images, one easy texture per emotion (stripes, checkerboard, disks, gradient)
/// with a random phase and pixel noise, so that a tiny network can tell the classes apart.
/// </summary>
internal static class StripePatterns
{
    public const int Size = 48;

    /// <summary>Returns <paramref name="perClass"/> images of each of <paramref name="labels"/> (default: all seven), label-major.</summary>
    public static FaceDataset Create(string name, int perClass, int seed, IReadOnlyList<Emotion>? labels = null)
    {
        labels ??= Enum.GetValues<Emotion>();
        var random = new RandomStream((ulong)seed);
        var count = perClass * labels.Count;
        var pixels = new byte[count * Size * Size];
        var imageLabels = new Emotion[count];
        var subjects = new string[count];
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            var label = labels[i / perClass];
            imageLabels[i] = label;
            subjects[i] = $"{name}-s{i % perClass}";
            ids[i] = $"{name}-{label}-{i}";
            Draw(label, random, pixels.AsSpan(i * Size * Size, Size * Size));
        }

        return new FaceDataset(name, Size, pixels, imageLabels, subjects, ids, isSynthetic: true);
    }

    /// <summary>A split that puts <paramref name="train"/> images of each class in training and divides the rest.</summary>
    public static SplitIndices Split(FaceDataset data, int train)
    {
        var trainIndices = new List<int>();
        var validation = new List<int>();
        var test = new List<int>();
        foreach (var group in Enumerable.Range(0, data.Count).GroupBy(i => data.Labels[i]))
        {
            var indices = group.ToArray();
            trainIndices.AddRange(indices.Take(train));
            var rest = indices.Skip(train).ToArray();
            validation.AddRange(rest.Take(rest.Length / 2));
            test.AddRange(rest.Skip(rest.Length / 2));
        }

        return new SplitIndices(trainIndices.ToArray(), validation.ToArray(), test.ToArray());
    }

    private static void Draw(Emotion label, RandomStream random, Span<byte> image)
    {
        var phase = random.NextInt32(8);
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                double value = label switch
                {
                    Emotion.Angry => ((y + phase) / 4) % 2 == 0 ? 220 : 40,
                    Emotion.Disgust => ((x + phase) / 4) % 2 == 0 ? 220 : 40,
                    Emotion.Fear => (((x + phase) / 6) + ((y + phase) / 6)) % 2 == 0 ? 220 : 40,
                    Emotion.Happy => Disk(x, y, phase) ? 230 : 30,
                    Emotion.Sad => Disk(x, y, phase) ? 30 : 230,
                    Emotion.Surprise => ((x + y + phase) / 4) % 2 == 0 ? 220 : 40,
                    Emotion.Neutral => 30 + 190.0 * y / (Size - 1),
                    _ => 128,
                };
                value += random.NextDouble(-25, 25);
                image[y * Size + x] = (byte)Math.Clamp(value, 0, 255);
            }
        }
    }

    private static bool Disk(int x, int y, int phase)
    {
        double dx = x - (Size / 2 + phase - 4);
        double dy = y - Size / 2;
        return dx * dx + dy * dy < 16 * 16;
    }
}
