using System.Text.Json;
using FerOrleans.Cli.Infrastructure;
using FerOrleans.Learning.Data;
using FerOrleans.Learning.Evaluation;
using FerOrleans.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Cam;

/// <summary>
/// <c>fer cam</c>: Grad-CAM maps of trained models on images, one PNG grid per image (rows per approach, one
/// column per repetition) plus the raw maps as a .npy array with a JSON index.
/// </summary>
public sealed class CamCommand : AsyncCommand<CamSettings>
{
    private const string TargetLayer = "encoder.layer4.1";

    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public override async Task<int> ExecuteAsync(CommandContext context, CamSettings settings, CancellationToken cancellationToken)
    {
        var inputs = CamInputs.Find(settings.Images);
        var runs = settings.Sweep is null
            ? await CamRunSource.FromRunIdsAsync(
                BlobStoreFactory.Create(settings.StorageOptions()), settings.StorageOptions().Describe(), settings.RunIds, cancellationToken)
            : await CamRunSource.FromSweepAsync(settings, cancellationToken);

        var (cells, pixels, size) = ComputeCells(inputs, runs, settings);
        var rows = runs.Select(r => r.Approach).Distinct().ToList();
        Directory.CreateDirectory(settings.Out);
        for (var i = 0; i < inputs.Count; i++)
        {
            var gray = pixels.AsSpan(i * size * size, size * size);
            Write(settings.Out, inputs[i], gray, size, cells[i], rows, settings.Alpha);
        }

        AnsiConsole.MarkupLineInterpolated(
            $"Wrote {inputs.Count} grid(s) of {rows.Count} approach row(s) x {cells[0].Max(c => c.Run.Column) + 1} column(s) to [bold]{settings.Out}[/]");
        if (inputs.Any(i => i.TrueLabel is null))
        {
            AnsiConsole.WriteLine("Images outside emotion-named folders have no true label: their frames are grey.");
        }
        if (runs.Any(r => r.Card?.Synthetic == true))
        {
            AnsiConsole.MarkupLine("[bold yellow]Note:[/] a model was trained on SYNTHETIC faces.");
        }
        return 0;
    }

    /// <summary>Computes every run's map of every input; returns cells per input and the pixels shown.</summary>
    private static (List<CamCell>[] Cells, byte[] Pixels, int Size) ComputeCells(
        IReadOnlyList<CamInput> inputs, IReadOnlyList<CamRun> runs, CamSettings settings)
    {
        var cells = inputs.Select(_ => new List<CamCell>()).ToArray();
        var loaded = new Dictionary<string, FaceDataset>(StringComparer.Ordinal);
        FaceDataset? displayed = null;
        foreach (var run in runs)
        {
            using var model = TrainedModel.Load(run.Model);
            var crop = settings.Crop ?? (string.IsNullOrEmpty(run.Card?.Preprocessing) ? "center" : run.Card.Preprocessing);
            var key = $"{crop}@{model.ImageSize}";
            if (!loaded.TryGetValue(key, out var images))
            {
                images = CamInputs.Load(inputs, CropOption.Parse(crop) with { Size = model.ImageSize });
                loaded.Add(key, images);
            }
            if (displayed is not null && displayed.ImageSize != images.ImageSize)
            {
                throw new ArgumentException(
                    $"Run '{run.RunId}' was trained on {images.ImageSize}x{images.ImageSize} images and another run on "
                    + $"{displayed.ImageSize}x{displayed.ImageSize}; show runs of one image size together.");
            }
            displayed ??= images;

            var classes = model.ClassLabels.Select(EmotionNames.Name).ToArray();
            var maps = GradCam.Compute(model, images, TargetIndex(settings.Class, classes, run.RunId));
            for (var i = 0; i < inputs.Count; i++)
            {
                cells[i].Add(new CamCell(run, maps[i], classes));
            }
        }

        return (cells, displayed!.Pixels, displayed.ImageSize);
    }

    private static int? TargetIndex(string? className, string[] classes, string runId)
    {
        if (className is null)
        {
            return null;
        }

        var name = EmotionNames.TryParse(className, out var emotion)
            ? EmotionNames.Name(emotion)
            : throw new ArgumentException(
                $"--class '{className}' is not an emotion; use one of {string.Join(", ", EmotionNames.AllowedNames)}.");
        var index = Array.IndexOf(classes, name);
        return index >= 0
            ? index
            : throw new ArgumentException(
                $"--class {name} is not a class of run '{runId}'; it has {string.Join(", ", classes)}.");
    }

    private static void Write(
        string folder, CamInput input, ReadOnlySpan<byte> gray, int size, List<CamCell> cells, List<string> rows, float alpha)
    {
        var ordered = cells.OrderBy(c => rows.IndexOf(c.Run.Approach)).ThenBy(c => c.Run.Column).ToList();
        var png = CamGridRenderer.Render(input, gray, size, ordered, rows, alpha);
        File.WriteAllBytes(Path.Combine(folder, input.Name + ".png"), png);

        var values = new float[ordered.Count * size * size];
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Map.Values.CopyTo(values, i * size * size);
        }
        NpyFile.WriteFloat32(Path.Combine(folder, input.Name + ".maps.npy"), values, [ordered.Count, size, size]);

        var index = new CamMapIndex(input.File, input.TrueLabel, size, size, TargetLayer, ordered.Select(c => Entry(c, input)).ToList());
        File.WriteAllText(Path.Combine(folder, input.Name + ".maps.json"), JsonSerializer.Serialize(index, Indented));
    }

    private static CamMapEntry Entry(CamCell cell, CamInput input)
    {
        var probabilities = cell.Classes
            .Select((name, k) => (name, k))
            .ToDictionary(x => x.name, x => Math.Round((double)cell.Map.Probabilities[x.k], 6));
        return new CamMapEntry(
            cell.Run.RunId,
            cell.Run.Approach,
            cell.Run.ColumnLabel,
            cell.Target,
            cell.Predicted,
            Math.Round((double)cell.Confidence, 6),
            cell.IsCorrect(input.TrueLabel),
            cell.Map.IsEmpty,
            probabilities);
    }
}
