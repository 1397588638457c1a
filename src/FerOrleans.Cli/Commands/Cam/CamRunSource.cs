using FerOrleans.Cli.Infrastructure;
using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Grains;
using FerOrleans.Grains.Training;
using FerOrleans.Learning.Training;
using FerOrleans.Storage;
using Spectre.Console;

namespace FerOrleans.Cli.Commands.Cam;

/// <summary>Finds the models of <c>fer cam</c>: the listed runs, or the completed runs of a sweep cell.</summary>
public static class CamRunSource
{
    /// <summary>Loads the models of <c>--runs</c> straight from the store, grouped by approach in first-seen order.</summary>
    public static async Task<IReadOnlyList<CamRun>> FromRunIdsAsync(
        IBlobStore store, string storeDescription, IReadOnlyList<string> runIds, CancellationToken cancellationToken)
    {
        var loaded = new List<(string RunId, byte[] Model, ModelCard? Card)>();
        foreach (var runId in runIds.Distinct(StringComparer.Ordinal))
        {
            var (model, card) = await LoadAsync(store, storeDescription, runId, cancellationToken);
            loaded.Add((runId, model, card));
        }

        var runs = new List<CamRun>();
        foreach (var group in loaded.GroupBy(r => r.Card?.Approach ?? "unknown approach"))
        {
            var column = 0;
            foreach (var (runId, model, card) in group)
            {
                runs.Add(new CamRun(runId, group.Key, column, $"#{column + 1}", model, card));
                column++;
            }
        }

        return runs;
    }

    /// <summary>
    /// Loads the models of the completed runs of <paramref name="settings"/>' sweep at one split and ratio,
    /// one row per approach in the spec's order and one column per repetition.
    /// </summary>
    public static async Task<IReadOnlyList<CamRun>> FromSweepAsync(CamSettings settings, CancellationToken cancellationToken)
    {
        var sweepName = settings.Sweep!;
        await using var session = await ClusterSession.OpenAsync(settings, trains: false, cancellationToken);
        var status = await session.Grains.GetGrain<ISweepGrain>(sweepName).GetStatusAsync()
            ?? throw new ArgumentException($"No sweep named '{sweepName}' exists in {session.Description}.");

        var cell = SelectCell(status, settings);
        var completed = cell.Where(r => r.State == RunState.Completed).ToList();
        if (completed.Count < cell.Count)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[yellow]Skipping {cell.Count - completed.Count} of {cell.Count} runs that have not completed.[/]");
        }
        if (completed.Count == 0)
        {
            throw new InvalidOperationException(
                $"Sweep '{sweepName}' has no completed run with these options; check `fer sweep status {sweepName}`.");
        }

        var runs = new List<CamRun>();
        foreach (var definition in completed.Select(r => r.Definition))
        {
            var (model, card) = await LoadAsync(session.Store, session.Description, definition.RunId, cancellationToken);
            runs.Add(new CamRun(
                definition.RunId, definition.Approach, definition.Repetition, $"k{definition.Repetition}", model, card));
        }

        return runs;
    }

    private static List<RunStatus> SelectCell(SweepStatus status, CamSettings settings)
    {
        var approaches = settings.Approaches.Length > 0
            ? settings.Approaches.Select(Approach.Parse).ToList()
            : status.Spec.Approaches.Select(Approach.Parse).ToList();
        var unknown = approaches.Where(a => !status.Spec.Approaches.Select(Approach.Parse).Contains(a)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"--approach {string.Join(", ", unknown)} is not in sweep '{status.Spec.Name}'; "
                + $"it has {string.Join(", ", status.Spec.Approaches)}.");
        }

        var split = Choose(settings.Split, status.Spec.TrainFractions, "--split", status.Spec.Name);
        var ratio = Choose(settings.Ratio, status.Spec.AugmentationRatios, "--ratio", status.Spec.Name);
        return status.Runs
            .Where(r => Math.Abs(r.Definition.TrainFraction - split) < 1e-9 && r.Definition.AugmentationRatio == ratio)
            .Where(r => approaches.Contains(Approach.Parse(r.Definition.Approach)))
            .OrderBy(r => approaches.IndexOf(Approach.Parse(r.Definition.Approach)))
            .ThenBy(r => r.Definition.Repetition)
            .ToList();
    }

    /// <summary>The requested value when the sweep has it, else the sweep's only value, else an error that lists the values.</summary>
    private static T Choose<T>(T? requested, IReadOnlyList<T> values, string option, string sweep) where T : struct
    {
        if (requested is { } value)
        {
            return values.Contains(value)
                ? value
                : throw new ArgumentException(
                    $"{option} {value} is not in sweep '{sweep}'; it has {string.Join(", ", values)}.");
        }

        return values.Count == 1
            ? values[0]
            : throw new ArgumentException(
                $"Sweep '{sweep}' has several values of {option[2..]} ({string.Join(", ", values)}); choose one with {option}.");
    }

    private static async Task<(byte[] Model, ModelCard? Card)> LoadAsync(
        IBlobStore store, string storeDescription, string runId, CancellationToken cancellationToken)
    {
        var model = await store.GetAsync(StoreKeys.Model(runId), cancellationToken)
            ?? throw new ArgumentException(
                $"Run '{runId}' has no stored model in {storeDescription}; list run ids with `fer sweep status NAME` "
                + "and use completed runs.");
        var card = await store.GetJsonAsync<ModelCard>(StoreKeys.ModelCard(runId), cancellationToken);
        return (model.Content, card?.Value);
    }
}
