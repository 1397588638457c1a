using System.Runtime.ExceptionServices;

namespace FerOrleans.Learning.Data;

/// <summary>
/// Collects the image files of one import, applies the usage filter, decodes them with the skip policy, and
/// builds the data set and its report. Used by every image-file form (folders, CAFE, manifest CSV).
/// </summary>
internal sealed class ImageImportBuilder(
    string format, string source, ImportOptions options, IReadOnlyList<string> metadataColumns)
{
    // Decoding is CPU-bound; two threads keep the import from taking over a shared machine.
    private const int DecodeThreads = 2;

    private readonly List<ImageSource> _sources = [];
    private readonly List<SkippedItem> _skipped = [];
    private readonly Dictionary<string, int> _dropped = new(StringComparer.Ordinal);
    private readonly int _usageColumn = UsageColumn(format, source, options, metadataColumns);
    private int _filteredByUsage;

    /// <summary>Rows or files read so far; readers count every item, including skipped ones.</summary>
    public int ItemsRead { get; set; }

    /// <summary>Adds an image unless the usage filter leaves it out.</summary>
    public void Add(ImageSource image)
    {
        if (_usageColumn >= 0 && !options.IsRequested(image.Metadata[_usageColumn]))
        {
            _filteredByUsage++;
            return;
        }
        _sources.Add(image);
    }

    /// <summary>Records an invalid item, or throws <paramref name="error"/> unless invalid input is skipped.</summary>
    public void SkipOrThrow(Exception error, string location, string reason, string problem)
    {
        if (!options.SkipInvalid)
        {
            ExceptionDispatchInfo.Capture(error).Throw();
        }
        _skipped.Add(new SkippedItem(location, reason, problem));
    }

    /// <summary>Counts a valid item left out by a stated policy.</summary>
    public void Drop(string reason) => _dropped[reason] = _dropped.GetValueOrDefault(reason) + 1;

    /// <summary>Decodes every added image and builds the data set and report.</summary>
    /// <exception cref="InvalidDataException">No image is left to import.</exception>
    /// <exception cref="ImageFileException">An image cannot be used and invalid input is not skipped.</exception>
    public DatasetImport Build(string name, SubjectTable? subjects)
    {
        var preprocess = options.EffectivePreprocess;
        var decoded = Decode(preprocess);
        var kept = Enumerable.Range(0, _sources.Count).Where(i => decoded[i] is not null).ToArray();
        if (kept.Length == 0)
        {
            throw new InvalidDataException(
                $"No image of {format} '{source}' could be imported ({ItemsRead} read, {_skipped.Count} skipped, "
                + $"{_dropped.Values.Sum()} dropped, {_filteredByUsage} left out by the usage filter). "
                + "Check the path, the usage filter and the report above.");
        }

        var size = preprocess.Size;
        var pixels = new byte[kept.Length * size * size];
        for (var i = 0; i < kept.Length; i++)
        {
            decoded[kept[i]]!.CopyTo(pixels.AsSpan(i * size * size));
        }
        var images = kept.Select(i => _sources[i]).ToArray();
        var data = new FaceDataset(
            name,
            size,
            pixels,
            images.Select(s => s.Label).ToArray(),
            images.Select(s => s.SubjectId).ToArray(),
            images.Select(s => s.ImageId).ToArray())
        {
            Subjects = subjects,
            Metadata = new ImageMetadata(
                metadataColumns,
                metadataColumns.Select((_, c) => images.Select(s => s.Metadata[c]).ToArray()).ToArray()),
        };
        return Finish(data);
    }

    private DatasetImport Finish(FaceDataset data)
    {
        var (kept, constantIds) = ConstantImages.Apply(data, options.DropConstantImages);
        var report = new ImportReport
        {
            Source = source,
            Format = format,
            ItemsRead = ItemsRead,
            Imported = kept.Count,
            Skipped = _skipped,
            Dropped = _dropped,
            FilteredByUsage = _filteredByUsage,
            ConstantImageIds = constantIds,
            ConstantImagesDropped = options.DropConstantImages,
            CountsPerLabel = ImportCounts.PerLabel(kept),
            CountsPerUsage = ImportCounts.PerUsage(kept),
            SubjectCount = kept.SubjectIds.Distinct(StringComparer.Ordinal).Count(),
        };
        return new DatasetImport(kept, report);
    }

    /// <summary>
    /// Decodes the images in parallel. With the skip policy a failed image becomes a skipped item; without it the
    /// failure of the first image in list order is thrown, so the error does not depend on thread timing.
    /// </summary>
    private byte[]?[] Decode(PreprocessOptions preprocess)
    {
        var decoded = new byte[]?[_sources.Count];
        var errors = new Exception?[_sources.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = DecodeThreads };
        Parallel.For(0, _sources.Count, parallel, (i, state) =>
        {
            try
            {
                decoded[i] = ImagePreprocessor.Load(_sources[i].Path, preprocess);
            }
            catch (Exception e) when (e is ImageFileException or FileNotFoundException)
            {
                errors[i] = e;
                if (!options.SkipInvalid)
                {
                    state.Stop();
                }
            }
        });

        for (var i = 0; i < errors.Length; i++)
        {
            switch (errors[i])
            {
                case ImageFileException e:
                    SkipOrThrow(e, _sources[i].Location, e.Reason, e.Message);
                    break;
                case FileNotFoundException e:
                    SkipOrThrow(e, _sources[i].Location, SkipReasons.MissingFile, e.Message);
                    break;
            }
        }
        return decoded;
    }

    /// <summary>Returns the usage column, or -1; a usage filter on a source without usage is rejected.</summary>
    /// <exception cref="ArgumentException">A usage filter was given and the source has no usage.</exception>
    private static int UsageColumn(
        string format, string source, ImportOptions options, IReadOnlyList<string> columns)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == ImageMetadataColumns.Usage)
            {
                return i;
            }
        }
        if (options.Usages is not null)
        {
            throw new ArgumentException(
                $"A usage filter ({string.Join(", ", options.Usages)}) was given but {format} '{source}' has no "
                + "usage: only split folders (train, test) and a manifest's usage column give one. Remove the filter.");
        }
        return -1;
    }
}
