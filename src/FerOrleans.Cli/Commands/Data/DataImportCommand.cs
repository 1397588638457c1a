using FerOrleans.Cli.Infrastructure;
using FerOrleans.Grains.Datasets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Data;

/// <summary>
/// <c>fer data import</c>: reads and pre-processes a data set, prints the import report, then packs the data set
/// and stores it in shard grains. Nothing is stored when reading fails.
/// </summary>
public sealed class DataImportCommand : AsyncCommand<DataImportSettings>
{
    public override async Task<int> ExecuteAsync(
        CommandContext context, DataImportSettings settings, CancellationToken cancellationToken)
    {
        var source = DataImportSource.SourcePath(settings);
        var import = AnsiConsole.Status().Start($"Reading {source}", _ => DataImportSource.Read(settings));
        foreach (var line in import.Report.ToLines())
        {
            AnsiConsole.WriteLine(line);
        }

        await using var session = await ClusterSession.OpenAsync(settings, trains: false, cancellationToken);
        var descriptor = await DatasetImporter.ImportAsync(
            session.Grains, import.Dataset, source, DataImportSource.Preprocessing(settings));
        var contents = $"{descriptor.Count} images of {descriptor.SubjectCount} subjects";
        var shards = $"{descriptor.ShardCount} shards, SHA-256 {descriptor.Sha256[..16]}...";
        AnsiConsole.MarkupLineInterpolated($"Imported [bold]{descriptor.Name}[/]: {contents} in {shards}");
        return 0;
    }
}
