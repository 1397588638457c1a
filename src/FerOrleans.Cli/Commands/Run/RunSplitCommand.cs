using System.Text.Json;
using FerOrleans.Contracts.Runs;
using FerOrleans.Grains;
using FerOrleans.Storage;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Run;

/// <summary>
/// <c>fer run split RUN</c>: prints the image ids of a completed run's training, validation and test parts,
/// as stored in its <c>result.json</c>, so that the split can be audited or replayed. Reads the store
/// directly and starts no silo.
/// </summary>
public sealed class RunSplitCommand : AsyncCommand<RunSplitSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunSplitSettings settings, CancellationToken cancellationToken)
    {
        var store = BlobStoreFactory.Create(settings.StorageOptions());
        await WriteAsync(store, settings.Run, settings.Json, Console.Out, Console.Error, cancellationToken);
        return 0;
    }

    /// <summary>Writes the split of <paramref name="runId"/> to <paramref name="output"/>, and a summary to <paramref name="log"/>.</summary>
    /// <exception cref="ArgumentException">The run has no stored result: it does not exist or has not completed.</exception>
    public static async Task WriteAsync(
        IBlobStore store, string runId, bool json, TextWriter output, TextWriter log, CancellationToken cancellationToken)
    {
        var key = StoreKeys.RunResult(runId);
        var result = await store.GetJsonAsync<RunResult>(key, cancellationToken) ?? throw new ArgumentException(
            $"Run '{runId}' has no stored result ({key} not found): the run does not exist or has not completed. "
            + "List the runs with `fer sweep status NAME`.");

        var split = result.Value.Split;
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(split, BlobStoreJsonExtensions.SerializerOptions));
            return;
        }

        await log.WriteLineAsync(RunSplitLines.Summary(runId, split));
        foreach (var line in RunSplitLines.Format(split))
        {
            await output.WriteLineAsync(line);
        }
    }
}
