using System.Text.Json;
using FerOrleans.Contracts.Datasets;
using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Learning.Training;
using Microsoft.Extensions.Logging;

namespace FerOrleans.Grains.Sweeps;

/// <summary>Expands a spec into run grains, dispatches them and keeps their latest status for watchers.</summary>
public sealed class SweepGrain(
    [PersistentState("sweep", StoreKeys.GrainStorage)] IPersistentState<SweepGrainState> state,
    ILogger<SweepGrain> logger) : Grain, ISweepGrain
{
    private readonly Dictionary<string, RunStatus> _runs = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            return;
        }

        var statuses = await Task.WhenAll(state.State.RunIds.Select(id => Run(id).GetStatusAsync()));
        foreach (var status in statuses)
        {
            _runs[status.Definition.RunId] = status;
        }
    }

    public async Task<SweepStatus> StartAsync(SweepSpec spec)
    {
        if (state.RecordExists)
        {
            ThrowIfOtherSpec(spec);
            logger.SweepStartedAgain(spec.Name);
            return await DispatchAsync();
        }

        SweepSpecValidator.ThrowIfInvalid(spec);
        await CheckDatasetsAsync(spec);
        var definitions = SweepExpansion.Expand(spec);

        // Runs first, then the sweep: a crash in between leaves runs that the next start adopts unchanged.
        await Task.WhenAll(definitions.Select(d => Run(d.RunId).InitializeAsync(d)));
        state.State = new SweepGrainState
        {
            Spec = spec,
            RunIds = definitions.Select(d => d.RunId).ToList(),
            CreatedUtc = DateTimeOffset.UtcNow,
        };
        await state.WriteStateAsync();
        logger.SweepCreated(spec.Name, definitions.Count);

        return await DispatchAsync();
    }

    public async Task<SweepStatus> ResumeAsync()
    {
        if (!state.RecordExists)
        {
            throw new ArgumentException($"No sweep named '{this.GetPrimaryKeyString()}' exists; start it with `fer sweep start SPEC.yaml`.");
        }

        return await DispatchAsync();
    }

    public Task<SweepStatus?> GetStatusAsync() =>
        Task.FromResult(state.RecordExists ? Snapshot() : null);

    public Task OnRunChangedAsync(RunStatus status)
    {
        _runs[status.Definition.RunId] = status;
        return Task.CompletedTask;
    }

    private async Task<SweepStatus> DispatchAsync()
    {
        foreach (var runId in state.State.RunIds)
        {
            if (_runs.TryGetValue(runId, out var known) && known.State == RunState.Completed)
            {
                continue;
            }

            _runs[runId] = await Run(runId).StartAsync();
        }
        return Snapshot();
    }

    private SweepStatus Snapshot() => new()
    {
        Spec = state.State.Spec!,
        Runs = state.State.RunIds.Where(_runs.ContainsKey).Select(id => _runs[id]).ToArray(),
        CreatedUtc = state.State.CreatedUtc,
    };

    private void ThrowIfOtherSpec(SweepSpec spec)
    {
        var stored = JsonSerializer.Serialize(state.State.Spec);
        var requested = JsonSerializer.Serialize(spec);
        if (!string.Equals(stored, requested, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"A sweep named '{spec.Name}' already exists with a different spec. " +
                "Give the new spec another name, or start the stored spec unchanged to resume it.");
        }
    }

    private async Task CheckDatasetsAsync(SweepSpec spec)
    {
        var a = await GrainFactory.GetGrain<IDatasetGrain>(spec.DatasetA).GetAsync()
            ?? throw UnknownDataset("datasetA", spec.DatasetA);
        var usesB = spec.Approaches.Select(Approach.Parse).Any(x => x.UsesSupplement);
        if (!usesB || spec.DatasetB is null)
        {
            SweepSpecValidator.ThrowIfAny(spec, SweepDatasetValidator.Problems(spec, a, b: null));
            return;
        }

        var b = await GrainFactory.GetGrain<IDatasetGrain>(spec.DatasetB).GetAsync()
            ?? throw UnknownDataset("datasetB", spec.DatasetB);
        SweepSpecValidator.ThrowIfAny(spec, SweepDatasetValidator.Problems(spec, a, b));
    }

    private static ArgumentException UnknownDataset(string field, string name) =>
        new($"{field}: no data set named '{name}' is imported; import it with `fer data import --name {name} ...`.");

    private IRunGrain Run(string runId) => GrainFactory.GetGrain<IRunGrain>(runId);
}
