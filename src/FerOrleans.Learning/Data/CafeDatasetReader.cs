namespace FerOrleans.Learning.Data;

/// <summary>
/// Reads the CAFE photo set: every JPEG or PNG under a folder (sub-folders included), labelled from its file name
/// (see <see cref="CafeFileName"/>). The child id is the subject id, so a subject-disjoint split keeps each child's
/// photos on one side. The variant, mouth-open flag and photo number are kept as image metadata, and a per-child
/// metadata CSV, when given or found as <c>subjects.csv</c> in the folder, as subject metadata.
/// </summary>
public static class CafeDatasetReader
{
    /// <summary>Header names (ignoring case, spaces, '_' and '-') accepted for the child id column.</summary>
    public static IReadOnlyList<string> IdColumnNames { get; } =
        ["subject", "subjectid", "child", "childid", "id", "participant", "participantid", "model", "modelid"];

    private static readonly string[] MetadataColumns =
        [ImageMetadataColumns.Variant, ImageMetadataColumns.MouthOpen, ImageMetadataColumns.Take];

    private const int MissingChildrenShown = 10;

    /// <summary>
    /// Reads and pre-processes every image under <paramref name="folder"/>, ordered by path (ordinal). Image ids are
    /// the paths relative to the folder, with '/' separators. Names starting with '.' are ignored.
    /// </summary>
    /// <param name="metadataPath">
    /// Per-child CSV (child id column, then for example age, sex, ethnicity); null uses
    /// <c>subjects.csv</c> in the folder when it exists.
    /// </param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FormatException">
    /// A file name does not follow the CAFE scheme while invalid input is not skipped.
    /// </exception>
    /// <exception cref="InvalidDataException">
    /// No images, two files with one child, expression, variant and photo number, or children missing from the
    /// metadata CSV.
    /// </exception>
    public static DatasetImport Import(string folder, ImportOptions options, string? metadataPath = null)
    {
        options.EffectivePreprocess.Validate();
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"CAFE folder '{folder}' not found. Check the path.");
        }

        var builder = new ImageImportBuilder("cafe", folder, options, MetadataColumns);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var children = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in ListImages(folder))
        {
            builder.ItemsRead++;
            var imageId = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
            CafeFileName name;
            try
            {
                name = CafeFileName.Parse(Path.GetFileName(path), path);
            }
            catch (FormatException e)
            {
                builder.SkipOrThrow(e, path, SkipReasons.UnknownFileName, e.Message);
                continue;
            }

            RejectDuplicate(seen, name, path);
            children.Add(name.ChildId);
            string[] metadata = [name.Variant, name.MouthOpen ? "true" : "false", name.Take.ToString()];
            builder.Add(new ImageSource(path, imageId, name.Emotion, name.ChildId, path, metadata));
        }

        if (builder.ItemsRead == 0)
        {
            throw new InvalidDataException(
                $"CAFE folder '{folder}' contains no images ({string.Join(", ", FolderDatasetReader.ImageExtensions)}). "
                + "Check the path.");
        }
        var subjects = ReadMetadata(folder, metadataPath, children);
        return builder.Build(options.Name ?? FolderDatasetReader.FolderName(folder), subjects);
    }

    private static IEnumerable<string> ListImages(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(p => FolderDatasetReader.IsImageFile(Path.GetFileName(p)))
            .Where(p => !Path.GetRelativePath(folder, p).Split(Path.DirectorySeparatorChar).Any(s => s.StartsWith('.')))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// Rejects a second file with the same child, expression, variant and photo number (for example the same photo
    /// as .jpg and .png, or in two sub-folders), which would put one photo twice into the data set.
    /// </summary>
    private static void RejectDuplicate(Dictionary<string, string> seen, CafeFileName name, string path)
    {
        var key = $"{name.ChildId}/{name.Emotion}/{name.Variant}/{name.Take}";
        if (!seen.TryAdd(key, path))
        {
            throw new InvalidDataException(
                $"CAFE files '{seen[key]}' and '{path}' name the same photo (child {name.ChildId}, "
                + $"{EmotionNames.Name(name.Emotion)}, variant '{name.Variant}', photo {name.Take}). Remove one.");
        }
    }

    private static SubjectTable? ReadMetadata(string folder, string? metadataPath, IReadOnlySet<string> children)
    {
        var path = metadataPath ?? Path.Combine(folder, FolderDatasetReader.SubjectsFileName);
        if (metadataPath is null && !File.Exists(path))
        {
            return null;
        }
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CAFE metadata file '{path}' not found. Check the path.", path);
        }

        var table = SubjectTable.Read(path, IdColumnNames);
        var missing = children.Where(c => !table.Contains(c)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var shown = string.Join(", ", missing.Take(MissingChildrenShown))
                + (missing.Count > MissingChildrenShown ? ", ..." : "");
            throw new InvalidDataException(
                $"CAFE metadata file '{path}' has no row for {missing.Count} child(ren) whose photos are in the folder: "
                + $"{shown}. Add a row per child id (SEX-ETHNICITY-NN, with its 'b'), or leave the file out.");
        }
        return table;
    }
}
