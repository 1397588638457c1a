using System.Runtime.ExceptionServices;

namespace FerOrleans.Learning.Data;

/// <summary>
/// Reads an image data set stored one folder per class, <c>&lt;folder&gt;/&lt;emotion&gt;/&lt;file&gt;</c>,
/// where the folder name is an emotion name or alias of <see cref="EmotionNames"/>.
/// The file stem is the subject id, so photos of one person in different classes share a stem.
/// </summary>
public static class FolderDatasetReader
{
    /// <summary>Optional top-level file with one row per subject; its first column is the subject id.</summary>
    public const string SubjectsFileName = "subjects.csv";

    /// <summary>Image file extensions that are read; other files are ignored.</summary>
    public static IReadOnlyList<string> ImageExtensions { get; } = [".jpg", ".jpeg", ".png"];

    // Decoding is CPU-bound; two threads keep the import from taking over a shared machine.
    private const int DecodeThreads = 2;

    private const int MissingSubjectsShown = 10;

    /// <summary>
    /// Reads and pre-processes every image under <paramref name="folder"/>, ordered by label id, then by
    /// file name (ordinal). Image ids are <c>&lt;class folder&gt;/&lt;file name&gt;</c>. Files at the top level
    /// (such as README.md and subjects.csv), sub-folders of class folders, names starting with '.' and
    /// files with other extensions are skipped. When <c>subjects.csv</c> exists, every file stem must be listed
    /// in it, and its columns become <see cref="FaceDataset.Subjects"/>.
    /// </summary>
    /// <param name="name">Data set name; defaults to the folder name.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FormatException">A class folder name is not an emotion name.</exception>
    /// <exception cref="InvalidDataException">
    /// No images, two folders for one emotion, stems missing from subjects.csv, or an image that cannot be decoded.
    /// </exception>
    public static FaceDataset Read(string folder, PreprocessOptions options, string? name = null)
    {
        options.Validate();
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Data set folder '{folder}' not found. Check the path.");
        }

        var entries = ListImages(folder);
        if (entries.Count == 0)
        {
            throw new InvalidDataException(
                $"Data set folder '{folder}' contains no images ({string.Join(", ", ImageExtensions)}) "
                + "in class folders. Put the images in sub-folders named by emotion, such as happy/001.jpg.");
        }

        var subjects = ReadSubjects(folder, entries);
        var pixels = DecodeAll(entries, options);
        return new FaceDataset(
            name ?? FolderName(folder),
            options.Size,
            pixels,
            entries.Select(e => e.Label).ToArray(),
            entries.Select(e => Path.GetFileNameWithoutExtension(e.FileName)).ToArray(),
            entries.Select(e => $"{e.ClassFolder}/{e.FileName}").ToArray())
        {
            Subjects = subjects,
        };
    }

    private static List<ImageEntry> ListImages(string folder)
    {
        var classes = new Dictionary<Emotion, string>();
        var entries = new List<ImageEntry>();
        foreach (var classPath in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
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
                    $"Class folders '{classes[label]}' and '{classFolder}' in '{folder}' both mean "
                    + $"'{EmotionNames.Name(label)}'. Merge them into one folder.");
            }

            entries.AddRange(Directory.EnumerateFiles(classPath)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(IsImageFile)
                .Select(file => new ImageEntry(label, classFolder, file, Path.Combine(classPath, file))));
        }

        entries.Sort((a, b) => a.Label != b.Label
            ? a.Label.CompareTo(b.Label)
            : string.CompareOrdinal(a.FileName, b.FileName));
        return entries;
    }

    private static bool IsImageFile(string fileName) =>
        !fileName.StartsWith('.')
        && ImageExtensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    private static SubjectTable? ReadSubjects(string folder, IReadOnlyList<ImageEntry> entries)
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

    private static byte[] DecodeAll(IReadOnlyList<ImageEntry> entries, PreprocessOptions options)
    {
        var pixelsPerImage = options.Size * options.Size;
        var pixels = new byte[entries.Count * pixelsPerImage];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = DecodeThreads };
        try
        {
            Parallel.For(0, entries.Count, parallel, i =>
            {
                var image = ImagePreprocessor.Load(entries[i].Path, options);
                image.CopyTo(pixels.AsSpan(i * pixelsPerImage));
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Rethrow the image's own error (for example InvalidDataException naming the file), not the wrapper.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        return pixels;
    }

    private static string FolderName(string folder) =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));

    private sealed record ImageEntry(Emotion Label, string ClassFolder, string FileName, string Path);
}
