namespace FerOrleans.Learning.Data;

/// <summary>
/// Pre-processed grayscale face images of one size, with an emotion label, a subject id and an
/// image id per image. Pixels are stored row-major, one byte per pixel, image after image.
/// </summary>
public sealed class FaceDataset
{
    private readonly ImageMetadata? _metadata;

    public FaceDataset(
        string name,
        int imageSize,
        byte[] pixels,
        Emotion[] labels,
        string[] subjectIds,
        string[] imageIds,
        bool isSynthetic = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageSize, 1);
        var count = labels.Length;
        if (pixels.Length != (long)count * imageSize * imageSize)
        {
            throw new ArgumentException(
                $"Data set '{name}' has {pixels.Length} pixel bytes; {count} images of {imageSize}x{imageSize} need {(long)count * imageSize * imageSize}.",
                nameof(pixels));
        }
        if (subjectIds.Length != count || imageIds.Length != count)
        {
            throw new ArgumentException(
                $"Data set '{name}' has {count} labels, {subjectIds.Length} subject ids and {imageIds.Length} image ids; all three counts must match.");
        }

        Name = name;
        ImageSize = imageSize;
        Pixels = pixels;
        Labels = labels;
        SubjectIds = subjectIds;
        ImageIds = imageIds;
        IsSynthetic = isSynthetic;
    }

    public string Name { get; }

    /// <summary>Side length of the square images, in pixels.</summary>
    public int ImageSize { get; }

    /// <summary>All images, <c>Count * ImageSize * ImageSize</c> bytes, row-major.</summary>
    public byte[] Pixels { get; }

    public Emotion[] Labels { get; }

    public string[] SubjectIds { get; }

    public string[] ImageIds { get; }

    /// <summary>True for generated faces; every report built on them states that.</summary>
    public bool IsSynthetic { get; }

    /// <summary>Per-subject metadata (age, sex, ...) when the source provided it, else null.</summary>
    public SubjectTable? Subjects { get; init; }

    /// <summary>Per-image metadata columns (usage, CAFE variant, FER+ votes, ...), or null when there are none.</summary>
    /// <exception cref="ArgumentException">The metadata describes a different number of images.</exception>
    public ImageMetadata? Metadata
    {
        get => _metadata;
        init
        {
            if (value is not null && value.Columns.Count > 0 && value.Count != Count)
            {
                throw new ArgumentException(
                    $"Data set '{Name}' has {Count} images but its metadata describes {value.Count}.");
            }
            _metadata = value is { Columns.Count: 0 } ? null : value;
        }
    }

    public int Count => Labels.Length;

    public int PixelsPerImage => ImageSize * ImageSize;

    public ReadOnlySpan<byte> Image(int index) => Pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);

    /// <summary>The labels present, in ascending id order.</summary>
    public IReadOnlyList<Emotion> DistinctLabels() => Labels.Distinct().Order().ToArray();

    public IReadOnlyDictionary<Emotion, int> CountsPerLabel() =>
        Labels.GroupBy(l => l).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>A new data set made of the images at <paramref name="indices"/>, in that order.</summary>
    public FaceDataset Subset(IReadOnlyList<int> indices, string? name = null)
    {
        var pixels = new byte[indices.Count * PixelsPerImage];
        for (var i = 0; i < indices.Count; i++)
        {
            Image(indices[i]).CopyTo(pixels.AsSpan(i * PixelsPerImage));
        }

        return new FaceDataset(
            name ?? Name,
            ImageSize,
            pixels,
            indices.Select(i => Labels[i]).ToArray(),
            indices.Select(i => SubjectIds[i]).ToArray(),
            indices.Select(i => ImageIds[i]).ToArray(),
            IsSynthetic)
        {
            Subjects = Subjects,
            Metadata = Metadata?.Subset(indices),
        };
    }
}
