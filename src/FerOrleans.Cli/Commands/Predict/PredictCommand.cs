using System.Text.Json;
using FerOrleans.Cli.Infrastructure;
using FerOrleans.Grains;
using FerOrleans.Grains.Training;
using FerOrleans.Learning.Data;
using FerOrleans.Learning.Evaluation;
using FerOrleans.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Predict;

/// <summary>
/// <c>fer predict</c>: labels images with a trained model, pre-processed as its training data was.
/// Reads the model straight from the store; no silo is needed.
/// </summary>
public sealed class PredictCommand : AsyncCommand<PredictSettings>
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png"];
    /// <summary>One compact object per line, so the output is JSON Lines.</summary>
    private static readonly JsonSerializerOptions JsonLines = new(JsonSerializerDefaults.Web);

    public override async Task<int> ExecuteAsync(CommandContext context, PredictSettings settings, CancellationToken cancellationToken)
    {
        var (modelBytes, card) = await LoadModelAsync(settings, cancellationToken);
        var model = TrainedModel.Load(modelBytes);
        var preprocess = CropOption.Parse(settings.Crop ?? PhotoPreprocessing(card));
        var (files, images, skipped) = LoadImages(ImageFiles(settings.Images), preprocess);
        var probabilities = model.PredictProbabilities(images);
        var classes = model.ClassLabels.Select(EmotionNames.Name).ToArray();

        var correct = 0;
        var labelled = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var best = Array.IndexOf(probabilities[i], probabilities[i].Max());
            var expected = ExpectedLabel(files[i]);
            if (expected is not null)
            {
                labelled++;
                correct += expected == classes[best] ? 1 : 0;
            }
            WritePrediction(settings.Json, files[i], classes, probabilities[i], best, expected);
        }

        if (labelled > 0)
        {
            Console.Error.WriteLine($"{correct} of {labelled} images in emotion-named folders labelled as their folder ({100.0 * correct / labelled:0.0}%).");
        }
        if (card?.Synthetic == true)
        {
            Console.Error.WriteLine("Note: this model was trained on SYNTHETIC faces.");
        }
        return skipped == 0 ? 0 : 1;
    }

    /// <summary>
    /// The training data's crop for new photos. FER2013 CSV images were face crops already ("fer2013"), so photos
    /// get the centred square crop unless --crop says otherwise.
    /// </summary>
    private static string PhotoPreprocessing(ModelCard? card) =>
        card?.Preprocessing is { Length: > 0 } stored && stored != "fer2013" ? stored : "center";

    private static void WritePrediction(bool json, string file, string[] classes, float[] probabilities, int best, string? expected)
    {
        if (json)
        {
            var line = new
            {
                file,
                label = classes[best],
                expected,
                probabilities = classes.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => Math.Round(probabilities[x.k], 6)),
            };
            Console.WriteLine(JsonSerializer.Serialize(line, JsonLines));
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"{file}: [bold]{classes[best]}[/] ({probabilities[best]:P1})");
        }
    }

    private static async Task<(byte[] Model, ModelCard? Card)> LoadModelAsync(PredictSettings settings, CancellationToken cancellationToken)
    {
        if (File.Exists(settings.Model))
        {
            var cardPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.Model))!, "model.json");
            var card = File.Exists(cardPath)
                ? JsonSerializer.Deserialize<ModelCard>(await File.ReadAllBytesAsync(cardPath, cancellationToken), BlobStoreJsonExtensions.SerializerOptions)
                : null;
            return (await File.ReadAllBytesAsync(settings.Model, cancellationToken), card);
        }

        var store = BlobStoreFactory.Create(settings.StorageOptions());
        var model = await store.GetAsync(StoreKeys.Model(settings.Model), cancellationToken)
            ?? throw new ArgumentException(
                $"--model '{settings.Model}' is neither a file nor a run with a stored model in {settings.StorageOptions().Describe()}; " +
                "list run ids with `fer sweep status NAME`.");
        var storedCard = await store.GetJsonAsync<ModelCard>(StoreKeys.ModelCard(settings.Model), cancellationToken);
        return (model.Content, storedCard?.Value);
    }

    private static List<string> ImageFiles(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }
        if (!Directory.Exists(path))
        {
            throw new ArgumentException($"--images '{path}' is neither a file nor a folder.");
        }

        var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
        return files.Count > 0 ? files : throw new ArgumentException($"--images '{path}' contains no .jpg, .jpeg or .png file.");
    }

    /// <summary>Decodes every file; one that cannot be read is named on standard error and left out.</summary>
    /// <exception cref="ArgumentException">No file could be read.</exception>
    private static (List<string> Files, FaceDataset Images, int Skipped) LoadImages(
        List<string> candidates, PreprocessOptions preprocess)
    {
        var size = preprocess.Size;
        var files = new List<string>(candidates.Count);
        var loaded = new List<byte[]>(candidates.Count);
        foreach (var file in candidates)
        {
            try
            {
                loaded.Add(ImagePreprocessor.Load(file, preprocess));
                files.Add(file);
            }
            catch (FormatException ex)
            {
                Console.Error.WriteLine($"skipped {file}: {ex.Message}");
            }
        }

        if (files.Count == 0)
        {
            throw new ArgumentException($"None of the {candidates.Count} image files could be read; see the messages above.");
        }

        var pixels = new byte[files.Count * size * size];
        for (var i = 0; i < loaded.Count; i++)
        {
            loaded[i].CopyTo(pixels, i * size * size);
        }
        var images = new FaceDataset("predict", size, pixels, new Emotion[files.Count], files.ToArray(), files.ToArray());
        return (files, images, candidates.Count - files.Count);
    }

    /// <summary>The emotion of the image's folder name, when it is one; lets a user check a model on labelled photos.</summary>
    private static string? ExpectedLabel(string file)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(file));
        return EmotionNames.TryParse(folder, out var emotion) ? EmotionNames.Name(emotion) : null;
    }
}
