using FerOrleans.Cli.Infrastructure;
using FerOrleans.Grains.Datasets;
using FerOrleans.Learning.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Data;

/// <summary><c>fer data import</c>: reads, pre-processes and packs a data set, then stores it in shard grains.</summary>
public sealed class DataImportCommand : AsyncCommand<DataImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DataImportSettings settings, CancellationToken cancellationToken)
    {
        FaceDataset data;
        string source;
        var preprocessing = "fer2013";
        if (settings.Folder is not null)
        {
            var preprocess = CropOption.Parse(settings.Crop);
            data = AnsiConsole.Status().Start($"Reading {settings.Folder}", _ =>
                FolderDatasetReader.Read(settings.Folder, preprocess, settings.Name));
            source = Path.GetFullPath(settings.Folder);
            preprocessing = CropOption.Format(preprocess);
        }
        else
        {
            var options = new Fer2013ReadOptions(
                settings.Usage.Length > 0 ? settings.Usage : null, settings.SkipInvalid, settings.Name);
            var import = AnsiConsole.Status().Start($"Reading {settings.Fer2013}", _ =>
                Fer2013CsvReader.Read(settings.Fer2013!, options));
            data = import.Dataset;
            source = Path.GetFullPath(settings.Fer2013!);
            AnsiConsole.WriteLine(import.Report.ToString());
        }

        await using var session = await ClusterSession.OpenAsync(settings, trains: false, cancellationToken);
        var descriptor = await DatasetImporter.ImportAsync(session.Grains, data, source, preprocessing);
        AnsiConsole.MarkupLineInterpolated(
            $"Imported [bold]{descriptor.Name}[/]: {descriptor.Count} images in {descriptor.ShardCount} shards, SHA-256 {descriptor.Sha256[..16]}...");
        foreach (var (label, count) in descriptor.CountsPerLabel)
        {
            AnsiConsole.WriteLine($"  {label}: {count}");
        }
        return 0;
    }
}
