using FerOrleans.Cli.Commands.Sweep;
using FerOrleans.Cli.Infrastructure;
using FerOrleans.Grains.Datasets;
using FerOrleans.Learning.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Quickstart;

/// <summary>
/// <c>fer quickstart</c>: imports a target set A and a supplement set B, runs the quick sweep on a silo in
/// this process and writes the report. Run again after an interruption, it continues from the checkpoints.
/// </summary>
public sealed class QuickstartCommand : AsyncCommand<QuickstartSettings>
{
    private const int PartitionSeed = 7;
    private const int SyntheticImagesPerClass = 24;

    public override async Task<int> ExecuteAsync(CommandContext context, QuickstartSettings settings, CancellationToken cancellationToken)
    {
        var (a, b, preprocessing, source) = settings.Images is null ? Synthetic() : FromFolder(settings);
        if (a.IsSynthetic)
        {
            AnsiConsole.MarkupLine("[bold yellow]SYNTHETIC DATA:[/] drawn faces, no --images given; the numbers say nothing about real faces.");
        }
        AnsiConsole.MarkupLineInterpolated($"A = {a.Name}: {a.Count} images; B = {b.Name}: {b.Count} images");

        await using var session = await ClusterSession.OpenAsync(settings, trains: true, cancellationToken);
        await DatasetImporter.ImportAsync(session.Grains, a, source, preprocessing);
        await DatasetImporter.ImportAsync(session.Grains, b, source, preprocessing);

        var spec = QuickstartPreset.Spec($"quickstart-{a.Name}", a.Name, b.Name, settings);
        return await SweepRunner.StartAndFollowAsync(session, spec, settings, settings.Out, cancellationToken);
    }

    private static (FaceDataset A, FaceDataset B, string Preprocessing, string Source) FromFolder(QuickstartSettings settings)
    {
        var preprocess = CropOption.Parse(settings.Crop);
        var folderName = Path.GetFileName(Path.GetFullPath(settings.Images!).TrimEnd('/'));
        var name = $"{folderName}-a{settings.SubjectsA}-b{settings.SubjectsB?.ToString() ?? "rest"}";
        var all = AnsiConsole.Status().Start($"Reading {settings.Images}", _ =>
            FolderDatasetReader.Read(settings.Images!, preprocess, name));
        var (a, b) = SubjectPartition.Split(all, settings.SubjectsA, settings.SubjectsB, PartitionSeed);
        return (a, b, CropOption.Format(preprocess), Path.GetFullPath(settings.Images!));
    }

    private static (FaceDataset A, FaceDataset B, string Preprocessing, string Source) Synthetic()
    {
        var children = SyntheticFaces.Generate(SyntheticDomain.Child, SyntheticImagesPerClass, seed: 1);
        var adults = SyntheticFaces.Generate(SyntheticDomain.Adult, SyntheticImagesPerClass * 2, seed: 2);
        return (children, adults, "none", "synthetic");
    }
}
