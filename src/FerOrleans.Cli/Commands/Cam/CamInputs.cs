using FerOrleans.Learning.Data;

namespace FerOrleans.Cli.Commands.Cam;

/// <summary>Collects the images of <c>--images</c> and pre-processes them as a model's training data was.</summary>
public static class CamInputs
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png"];

    /// <summary>
    /// Returns the image files of <paramref name="paths"/> (files, or folders searched recursively in ordinal
    /// order), each with a unique output name and the true label of its emotion-named folder.
    /// </summary>
    public static IReadOnlyList<CamInput> Find(IReadOnlyList<string> paths)
    {
        var inputs = new List<CamInput>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            foreach (var (file, name) in FilesOf(path))
            {
                var unique = name;
                for (var n = 2; !names.Add(unique); n++)
                {
                    unique = $"{name}-{n}";
                }

                inputs.Add(new CamInput(file, unique, TrueLabel(file)));
            }
        }

        return inputs;
    }

    /// <summary>Returns the inputs pre-processed with <paramref name="preprocess"/> as one data set, in input order.</summary>
    public static FaceDataset Load(IReadOnlyList<CamInput> inputs, PreprocessOptions preprocess)
    {
        var size = preprocess.Size;
        var pixels = new byte[inputs.Count * size * size];
        for (var i = 0; i < inputs.Count; i++)
        {
            ImagePreprocessor.Load(inputs[i].File, preprocess).CopyTo(pixels, i * size * size);
        }

        var files = inputs.Select(i => i.File).ToArray();
        return new FaceDataset("cam", size, pixels, new Emotion[inputs.Count], files, files);
    }

    private static IEnumerable<(string File, string Name)> FilesOf(string path)
    {
        if (File.Exists(path))
        {
            return [(path, Path.GetFileNameWithoutExtension(path))];
        }
        if (!Directory.Exists(path))
        {
            throw new ArgumentException($"--images '{path}' is neither a file nor a folder.");
        }

        var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, OutputName(path, f)))
            .ToList();
        return files.Count > 0
            ? files
            : throw new ArgumentException($"--images '{path}' contains no .jpg, .jpeg or .png file.");
    }

    private static string OutputName(string root, string file)
    {
        var relative = Path.ChangeExtension(Path.GetRelativePath(root, file), null);
        return relative.Replace(Path.DirectorySeparatorChar, '-').Replace(Path.AltDirectorySeparatorChar, '-');
    }

    private static string? TrueLabel(string file)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file)));
        return EmotionNames.TryParse(folder, out var emotion) ? EmotionNames.Name(emotion) : null;
    }
}
