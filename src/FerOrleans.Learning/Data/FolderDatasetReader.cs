namespace FerOrleans.Learning.Data;

/// <summary>
/// Reads an image data set stored one folder per class, in one of two layouts:
/// <list type="bullet">
/// <item>class folders, <c>&lt;folder&gt;/&lt;emotion&gt;/&lt;file&gt;</c>: the file stem is the subject id, so
/// photos of one person in different classes share a stem; an optional <c>subjects.csv</c> gives subject metadata;</item>
/// <item>split folders, <c>&lt;folder&gt;/train/&lt;emotion&gt;/&lt;file&gt;</c> and <c>test/...</c> (the Kaggle
/// FER2013 image layout): the split folder name is kept as the image's usage, and each image is its own subject,
/// because those file names (im0.png, ...) repeat across classes and do not name people.</item>
/// </list>
/// Class folder names are emotion names or aliases of <see cref="EmotionNames"/>; alphabetical folder order does
/// not give the label ids.
/// </summary>
public static class FolderDatasetReader
{
    /// <summary>Optional top-level file with one row per subject; its first column is the subject id.</summary>
    public const string SubjectsFileName = "subjects.csv";

    /// <summary>Top-level folder names of the split layout, compared ignoring case.</summary>
    public static IReadOnlyList<string> SplitFolderNames { get; } = ["train", "test", "val", "validation"];

    /// <summary>Image file extensions that are read; other files are ignored.</summary>
    public static IReadOnlyList<string> ImageExtensions { get; } = [".jpg", ".jpeg", ".png"];

    private const int MissingSubjectsShown = 10;

    /// <summary>
    /// Reads and pre-processes every image under <paramref name="folder"/>; invalid images throw.
    /// See <see cref="Import"/> for the order, ids and errors.
    /// </summary>
    /// <param name="name">Data set name; defaults to the folder name.</param>
    public static FaceDataset Read(string folder, PreprocessOptions options, string? name = null) =>
        Import(folder, new ImportOptions(name, Preprocess: options)).Dataset;

    /// <summary>
    /// Reads and pre-processes every image under <paramref name="folder"/>, ordered by split folder (ordinal), then
    /// label id, then file name (ordinal). Image ids are <c>&lt;class folder&gt;/&lt;file name&gt;</c>, prefixed by
    /// <c>&lt;split folder&gt;/</c> in the split layout. Files at the top level (README.md, subjects.csv), files
    /// directly in split folders, sub-folders of class folders, names starting with '.' and files with other
    /// extensions are ignored. When <c>subjects.csv</c> exists, every file stem must be listed in it.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FormatException">A class folder name is not an emotion name.</exception>
    /// <exception cref="InvalidDataException">
    /// No images, two folders for one emotion, split folders mixed with class folders, stems missing from
    /// subjects.csv, or an image that cannot be decoded while invalid input is not skipped.
    /// </exception>
    public static DatasetImport Import(string folder, ImportOptions options)
    {
        options.EffectivePreprocess.Validate();
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Data set folder '{folder}' not found. Check the path.");
        }

        var top = Directory.EnumerateDirectories(folder)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var splits = top.Where(IsSplitFolder).ToArray();
        if (splits.Length > 0 && splits.Length < top.Length)
        {
            var classes = top.Except(splits).Select(Path.GetFileName);
            throw new InvalidDataException(
                $"Data set folder '{folder}' mixes split folders ({string.Join(", ", splits.Select(Path.GetFileName))}) "
                + $"with other folders ({string.Join(", ", classes)}). Use either DIR/<emotion>/ or "
                + "DIR/train/<emotion>/ and DIR/test/<emotion>/.");
        }

        return splits.Length > 0 ? ImportSplits(folder, splits, options) : ImportClasses(folder, options);
    }

    private static DatasetImport ImportClasses(string folder, ImportOptions options)
    {
        var builder = new ImageImportBuilder("image folders", folder, options, []);
        var entries = ListClassFolder(folder, folder);
        RequireImages(folder, entries);
        var subjects = ReadSubjects(folder, entries);
        foreach (var entry in entries)
        {
            builder.ItemsRead++;
            var imageId = $"{entry.ClassFolder}/{entry.FileName}";
            var stem = Path.GetFileNameWithoutExtension(entry.FileName);
            builder.Add(new ImageSource(entry.Path, imageId, entry.Label, stem, entry.Path, []));
        }
        return builder.Build(options.Name ?? FolderName(folder), subjects);
    }

    private static DatasetImport ImportSplits(string folder, string[] splits, ImportOptions options)
    {
        if (File.Exists(Path.Combine(folder, SubjectsFileName)))
        {
            throw new InvalidDataException(
                $"'{Path.Combine(folder, SubjectsFileName)}' lies beside split folders, whose images each count as "
                + "their own subject. Remove the file, or use the class-folder layout DIR/<emotion>/<subject>.jpg.");
        }

        var builder = new ImageImportBuilder("image folders", folder, options, [ImageMetadataColumns.Usage]);
        var total = 0;
        foreach (var split in splits)
        {
            var usage = Path.GetFileName(split);
            var entries = ListClassFolder(split, folder);
            total += entries.Count;
            foreach (var entry in entries)
            {
                builder.ItemsRead++;
                var imageId = $"{usage}/{entry.ClassFolder}/{entry.FileName}";
                builder.Add(new ImageSource(entry.Path, imageId, entry.Label, imageId, entry.Path, [usage]));
            }
        }
        if (total == 0)
        {
            RequireImages(folder, []);
        }
        return builder.Build(options.Name ?? FolderName(folder), null);
    }

    /// <summary>Lists the images of the class folders under <paramref name="parent"/>, by label then file name.</summary>
    private static List<ClassEntry> ListClassFolder(string parent, string root)
    {
        var classes = new Dictionary<Emotion, string>();
        var entries = new List<ClassEntry>();
        foreach (var classPath in Directory.EnumerateDirectories(parent).Order(StringComparer.Ordinal))
        {
            var classFolder = Path.GetFileName(classPath);
            if (classFolder.StartsWith('.'))
            {
                continue;
            }

            var label = EmotionNames.Parse(classFolder, $"class folder '{classPath}'");
            if (!classes.TryAdd(label, classFolder))
            {
                throw new InvalidDataException(
                    $"Class folders '{classes[label]}' and '{classFolder}' in '{parent}' both mean "
                    + $"'{EmotionNames.Name(label)}'. Merge them into one folder.");
            }

            entries.AddRange(Directory.EnumerateFiles(classPath)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(IsImageFile)
                .Select(file => new ClassEntry(label, classFolder, file, Path.Combine(classPath, file))));
        }

        entries.Sort((a, b) => a.Label != b.Label
            ? a.Label.CompareTo(b.Label)
            : string.CompareOrdinal(a.FileName, b.FileName));
        return entries;
    }

    private static void RequireImages(string folder, IReadOnlyList<ClassEntry> entries)
    {
        if (entries.Count == 0)
        {
            throw new InvalidDataException(
                $"Data set folder '{folder}' contains no images ({string.Join(", ", ImageExtensions)}) "
                + "in class folders. Put the images in sub-folders named by emotion, such as happy/001.jpg.");
        }
    }

    private static bool IsSplitFolder(string path) =>
        SplitFolderNames.Contains(Path.GetFileName(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns true for a JPEG or PNG file name that does not start with '.'.</summary>
    internal static bool IsImageFile(string fileName) =>
        !fileName.StartsWith('.')
        && ImageExtensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    private static SubjectTable? ReadSubjects(string folder, IReadOnlyList<ClassEntry> entries)
    {
        var path = Path.Combine(folder, SubjectsFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var table = SubjectTable.Read(path);
        var missing = entries
            .Select(e => Path.GetFileNameWithoutExtension(e.FileName))
            .Distinct(StringComparer.Ordinal)
            .Where(stem => !table.Contains(stem))
            .ToList();
        if (missing.Count > 0)
        {
            var shown = string.Join(", ", missing.Take(MissingSubjectsShown));
            var more = missing.Count > MissingSubjectsShown ? ", ..." : "";
            throw new InvalidDataException(
                $"'{path}' has no row for {missing.Count} subject(s) whose images are in the data set: "
                + $"{shown}{more}. Add a row per subject (first column = file stem), or remove the file.");
        }

        return table;
    }

    /// <summary>Returns the last segment of a folder path, ignoring a trailing separator.</summary>
    internal static string FolderName(string folder) =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));

    private sealed record ClassEntry(Emotion Label, string ClassFolder, string FileName, string Path);
}
