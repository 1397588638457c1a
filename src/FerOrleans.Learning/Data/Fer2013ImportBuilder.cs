namespace FerOrleans.Learning.Data;

/// <summary>Collects the images and report counts of one FER2013 import as rows arrive.</summary>
internal sealed class Fer2013ImportBuilder
{
    private readonly int _pixelsPerImage;
    private readonly List<Emotion> _labels = [];
    private readonly List<string> _imageIds = [];
    private readonly List<int> _constantRows = [];
    private readonly List<int> _constantImages = [];
    private readonly List<string?> _usages = [];
    private readonly List<Fer2013SkippedRow> _skipped = [];
    private readonly Dictionary<string, int> _rowsPerUsage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _usageLookup;
    private byte[] _pixels;

    public Fer2013ImportBuilder(int imageSize, int expectedRows)
    {
        _pixelsPerImage = imageSize * imageSize;
        _pixels = new byte[Math.Max(1, expectedRows) * _pixelsPerImage];
        _usageLookup = _rowsPerUsage.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int DataRows { get; set; }

    public int FilteredByUsage { get; set; }

    public int ImportedRows => _labels.Count;

    /// <summary>The usage values seen so far, in ordinal order.</summary>
    public IEnumerable<string> UsagesSeen => _rowsPerUsage.Keys.Order(StringComparer.Ordinal);

    /// <summary>
    /// Counts a row under its trimmed usage value and returns the shared key string, allocating it only on first sight.
    /// </summary>
    public string CountUsage(ReadOnlySpan<char> usage)
    {
        if (_usageLookup.TryGetValue(usage, out var key, out var count))
        {
            _rowsPerUsage[key] = count + 1;
            return key;
        }
        key = usage.ToString();
        _rowsPerUsage[key] = 1;
        return key;
    }

    /// <summary>Returns the pixel slot of the next image, growing the buffer when full.</summary>
    public Span<byte> NextImage()
    {
        var offset = _labels.Count * _pixelsPerImage;
        if (offset + _pixelsPerImage > _pixels.Length)
        {
            Array.Resize(ref _pixels, Math.Max(_pixels.Length * 2, offset + _pixelsPerImage));
        }
        return _pixels.AsSpan(offset, _pixelsPerImage);
    }

    /// <summary>Commits the image last written to <see cref="NextImage"/>.</summary>
    public void Add(Emotion label, int rowIndex, string? usage)
    {
        var image = _pixels.AsSpan(_labels.Count * _pixelsPerImage, _pixelsPerImage);
        if (image.IndexOfAnyExcept(image[0]) < 0)
        {
            _constantRows.Add(rowIndex);
            _constantImages.Add(_labels.Count);
        }
        _labels.Add(label);
        _imageIds.Add($"row-{rowIndex}");
        _usages.Add(usage);
    }

    public void Skip(Fer2013SkippedRow row) => _skipped.Add(row);

    public Fer2013Import Build(string path, string name, int imageSize, bool dropConstantImages)
    {
        var pixels = _pixels.AsSpan(0, _labels.Count * _pixelsPerImage).ToArray();
        var ids = _imageIds.ToArray();
        var usages = _usages.Any(u => u is not null)
            ? new ImageMetadata([ImageMetadataColumns.Usage], [_usages.Select(u => u ?? "").ToArray()])
            : null;

        // FER2013 has no subject ids, so each image is its own subject.
        var dataset = new FaceDataset(name, imageSize, pixels, _labels.ToArray(), ids, ids) { Metadata = usages };
        if (dropConstantImages && _constantImages.Count > 0)
        {
            dataset = ConstantImages.Apply(dataset, drop: true).Data;
        }
        var report = new Fer2013ImportReport(
            path, DataRows, dataset.Count, FilteredByUsage, _skipped, _constantRows, _rowsPerUsage)
        {
            ConstantImagesDropped = dropConstantImages,
        };
        return new Fer2013Import(dataset, report);
    }
}
