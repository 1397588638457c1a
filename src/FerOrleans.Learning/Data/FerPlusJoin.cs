namespace FerOrleans.Learning.Data;

/// <summary>Joins FER+ rows to FER2013 images by row position and applies the label and drop policy.</summary>
internal sealed class FerPlusJoin(
    Fer2013Import images, List<FerPlusRow> rows, string ferPlusPath, ImportOptions options, FerPlusOptions ferPlus)
{
    private readonly Dictionary<string, int> _dropped = new(StringComparer.Ordinal);
    private readonly List<SkippedItem> _skipped = [];
    private int _filteredByUsage;

    public DatasetImport Build()
    {
        var source = images.Dataset;
        var fer2013Report = images.Report;
        _skipped.AddRange(fer2013Report.ToImportReport(source).Skipped);

        var kept = new List<int>();
        var labels = new List<Emotion>();
        var metadata = new List<string[]>();
        for (var i = 0; i < source.Count; i++)
        {
            var rowIndex = RowIndex(source.ImageIds[i]);
            var row = rows[rowIndex];
            if (row.Skipped is not null)
            {
                continue;
            }
            var fer2013Usage = source.Metadata?.Value(i, ImageMetadataColumns.Usage) ?? "";
            CheckSameRow(row, fer2013Usage, rowIndex);

            // Kaggle's train.csv has no Usage column; the FER+ row then supplies it.
            var usage = fer2013Usage.Length > 0 ? fer2013Usage : row.Usage;
            if (Accept(row, usage) is { } label)
            {
                kept.Add(i);
                labels.Add(label);
                metadata.Add(Metadata(row, usage));
            }
        }
        _skipped.AddRange(rows.Select(r => r.Skipped).OfType<SkippedItem>());
        return Finish(source, kept, labels, metadata);
    }

    /// <summary>Returns the label of an accepted row, or null after counting why it was left out.</summary>
    private Emotion? Accept(FerPlusRow row, string usage)
    {
        if (!options.IsRequested(usage))
        {
            _filteredByUsage++;
            return null;
        }
        if (row.ImageName.Length == 0)
        {
            Drop(FerPlusDropReasons.NotAFace);
            return null;
        }
        var (label, reason) = row.Votes!.Majority(ferPlus.Contempt);
        if (label is null)
        {
            Drop(reason!);
            return null;
        }
        return label;
    }

    /// <summary>
    /// Rejects a pair whose Usage differs: both files list Training, PublicTest and PrivateTest rows in one order, so
    /// a difference means the files are not row-aligned (sorted, filtered or from different releases).
    /// </summary>
    private void CheckSameRow(FerPlusRow row, string usage, int rowIndex)
    {
        if (usage.Length > 0 && !usage.Equals(row.Usage, StringComparison.OrdinalIgnoreCase))
        {
            throw new DataFormatException(ferPlusPath, row.LineNumber,
                $"Data row {rowIndex} has Usage '{row.Usage}' here but '{usage}' in '{images.Report.FilePath}'. "
                + "FER+ joins by row position, so the two files must list the same rows in the same order; "
                + "use the original, unsorted files.");
        }
    }

    private string[] Metadata(FerPlusRow row, string usage)
    {
        var votes = row.Votes!;
        return ferPlus.Labels == FerPlusLabelMode.Probability
            ? [usage, row.ImageName, votes.Text(), votes.SoftLabelText()]
            : [usage, row.ImageName, votes.Text()];
    }

    private DatasetImport Finish(FaceDataset source, List<int> kept, List<Emotion> labels, List<string[]> metadata)
    {
        if (kept.Count == 0)
        {
            throw new InvalidDataException(
                $"No row of '{ferPlusPath}' is left after the FER+ policy and the usage filter "
                + $"({string.Join(", ", _dropped.Select(p => $"{p.Key} {p.Value}"))}). Check the files and the filter.");
        }

        string[] columns = ferPlus.Labels == FerPlusLabelMode.Probability
            ? [ImageMetadataColumns.Usage, ImageMetadataColumns.FerPlusImage, ImageMetadataColumns.FerPlusVotes,
                ImageMetadataColumns.SoftLabel]
            : [ImageMetadataColumns.Usage, ImageMetadataColumns.FerPlusImage, ImageMetadataColumns.FerPlusVotes];
        var subset = source.Subset(kept);
        var joined = new FaceDataset(
            subset.Name, subset.ImageSize, subset.Pixels, labels.ToArray(), subset.SubjectIds, subset.ImageIds)
        {
            Metadata = new ImageMetadata(
                columns, columns.Select((_, c) => metadata.Select(m => m[c]).ToArray()).ToArray()),
        };

        var (data, constantIds) = ConstantImages.Apply(joined, options.DropConstantImages);
        var report = new ImportReport
        {
            Source = $"{images.Report.FilePath} + {ferPlusPath}",
            Format = "fer2013 csv with FER+ labels",
            ItemsRead = images.Report.DataRows,
            Imported = data.Count,
            Skipped = _skipped,
            Dropped = _dropped,
            FilteredByUsage = _filteredByUsage,
            ConstantImageIds = constantIds,
            ConstantImagesDropped = options.DropConstantImages,
            CountsPerLabel = ImportCounts.PerLabel(data),
            CountsPerUsage = ImportCounts.PerUsage(data),
            SubjectCount = data.Count,
        };
        return new DatasetImport(data, report);
    }

    private void Drop(string reason) => _dropped[reason] = _dropped.GetValueOrDefault(reason) + 1;

    /// <summary>Returns n of the image id "row-n" that <see cref="Fer2013CsvReader"/> gives each row.</summary>
    private static int RowIndex(string imageId) => int.Parse(imageId.AsSpan("row-".Length));
}
