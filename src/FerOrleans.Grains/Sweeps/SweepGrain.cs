using System.Text.Json;
using FerOrleans.Contracts.Datasets;
using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Grains.Placement;
using FerOrleans.Grains.Recovery;
using FerOrleans.Learning.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FerOrleans.Grains.Sweeps;

/// <summary>
/// Expands a spec into run grains, dispatches them as training slots free up (within the spec's
/// <see cref="SweepSpec.MaxConcurrentRuns"/>) and keeps their latest status for watchers. While runs are
/// unfinished, a watchdog restarts the runs of silos that died.
/// </summary>
public sealed class SweepGrain(
    [PersistentState("sweep", StoreKeys.GrainStorage)] IPersistentState<SweepGrainState> state,
    SlotDirectory slotDirectory,
    IOptions<RecoveryOptions> recovery,
    ILogger<SweepGrain> logger) : Grain, ISweepGrain, IRemindable
{
    private readonly Dictionary<string, RunStatus> _runs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _retryFailed = new(StringComparer.Ordinal);
    private SweepWatchdog? _watchdog;
    private bool _dispatching;
    private bool _dispatchRequested;

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
            return await DispatchAsync(retryFailed: true);
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
        foreach (var definition in definitions)
        {
            // Every run is in the sweep's status from the start, pending until it is dispatched.
            _runs.TryAdd(definition.RunId, new RunStatus { Definition = definition, State = RunState.Pending });
        }

        return await DispatchAsync(retryFailed: true);
    }

    public async Task<SweepStatus> ResumeAsync()
    {
        ThrowIfMissing();
        return await DispatchAsync(retryFailed: true);
    }

    public async Task<SweepStatus> CancelAsync(string reason)
    {
        ThrowIfMissing();
        var stopped = 0;
        foreach (var runId in state.State.RunIds)
        {
            var before = _runs.TryGetValue(runId, out var known) ? known.State : RunState.Pending;
            _runs[runId] = await Run(runId).CancelAsync(reason);
            if (before is not (RunState.Completed or RunState.Failed or RunState.Cancelled))
            {
                stopped++;
            }
        }
        logger.SweepCancelled(this.GetPrimaryKeyString(), stopped, reason);
        return Snapshot();
    }

    public async Task<SweepStatus> RerunFailedAsync()
    {
        ThrowIfMissing();
        var rerun = 0;
        foreach (var runId in state.State.RunIds)
        {
            var status = await Run(runId).GetStatusAsync();
            if (status.State == RunState.Failed)
            {
                status = await Run(runId).RerunAsync();
                rerun++;
            }
            _runs[runId] = status;
        }
        logger.SweepRerunFailed(this.GetPrimaryKeyString(), rerun);
        return Snapshot();
    }

    public Task<SweepStatus?> GetStatusAsync() =>
        Task.FromResult(state.RecordExists ? Snapshot() : null);

    public async Task OnRunChangedAsync(RunStatus status)
    {
        var known = _runs.GetValueOrDefault(status.Definition.RunId);
        if (known is not null && status.UpdatedUtc < known.UpdatedUtc)
        {
            // One-way notifications can arrive out of order; an older state must not replace a newer one.
            return;
        }

        var previous = known?.State;
        _runs[status.Definition.RunId] = status;
        var freedSlot = status.State is RunState.Completed or RunState.Failed or RunState.Interrupted;
        if (_watchdog is { IsRunning: true } && freedSlot && previous != status.State)
        {
            await TryDispatchAsync();
        }
    }

    /// <summary>The watchdog reminder: re-activates this sweep after its silo died and resumes watching.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == SweepWatchdog.ReminderName && state.RecordExists)
        {
            await WatchAsync(CancellationToken.None);
        }
    }

    /// <summary>Starts runs while the cluster has free slots and the spec's cap allows, then watches them.</summary>
    /// <exception cref="InvalidOperationException">No active silo has training slots.</exception>
    private async Task<SweepStatus> DispatchAsync(bool retryFailed)
    {
        if (retryFailed)
        {
            _retryFailed.UnionWith(_runs.Values
                .Where(r => r.State is RunState.Failed or RunState.Cancelled)
                .Select(r => r.Definition.RunId));
        }

        if (_dispatching)
        {
            // The watchdog tick interleaves with grain calls: one dispatch at a time, so the cap holds.
            _dispatchRequested = true;
            return Snapshot();
        }

        _dispatching = true;
        try
        {
            do
            {
                _dispatchRequested = false;
                await DispatchOnceAsync();
            }
            while (_dispatchRequested);
        }
        finally
        {
            _dispatching = false;
        }

        _watchdog ??= new SweepWatchdog(this, recovery.Value, WatchAsync);
        await _watchdog.StartAsync();
        return Snapshot();
    }

    private async Task DispatchOnceAsync()
    {
        var loads = await slotDirectory.GetLoadsAsync();
        if (loads.Sum(load => load.Slots) == 0)
        {
            throw new InvalidOperationException(
                "The cluster has no training slots: no active silo declares CPU slots or CUDA devices. " +
                "Start a silo with FER_CPU_SLOTS or FER_CUDA_DEVICES (fer silo --cpu-slots), then resume the sweep.");
        }

        var free = loads.Sum(load => load.Free);
        var plan = DispatchPlan.Select(state.State.RunIds, _runs, state.State.Spec!.MaxConcurrentRuns, free, _retryFailed);
        foreach (var runId in plan)
        {
            await StartRunAsync(runId);
        }
    }

    private async Task StartRunAsync(string runId)
    {
        var status = await Run(runId).StartAsync();
        if (!DispatchPlan.IsInFlight(status.State) && status.State != RunState.Completed)
        {
            // The activation was on a silo whose slots filled in the meantime, and it deactivated.
            // The second call is therefore placed afresh on the silo with the most free slots.
            status = await Run(runId).StartAsync();
        }

        _runs[runId] = status;
        if (DispatchPlan.IsInFlight(status.State) || status.State == RunState.Completed)
        {
            _retryFailed.Remove(runId);
        }
    }

    private async Task TryDispatchAsync()
    {
        try
        {
            await DispatchAsync(retryFailed: false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OrleansException or TimeoutException)
        {
            // No slot anywhere, or a silo left mid-dispatch: the next watchdog tick tries again.
            logger.SweepDispatchDeferred(ex, this.GetPrimaryKeyString());
        }
    }

    /// <summary>
    /// Reads the runs that are queued or running (a run of a dead silo re-activates elsewhere and becomes
    /// interrupted), starts what the free slots allow, and stops watching once every run has finished.
    /// </summary>
    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        var inFlight = state.State.RunIds
            .Where(id => _runs.TryGetValue(id, out var s) && DispatchPlan.IsInFlight(s.State))
            .ToArray();
        logger.WatchdogTick(this.GetPrimaryKeyString(), inFlight.Length);
        foreach (var status in await RunPoller.ReadAsync(GrainFactory, inFlight, logger))
        {
            if (status.State == RunState.Interrupted)
            {
                logger.RunRecovering(status.Definition.RunId, this.GetPrimaryKeyString());
            }
            _runs[status.Definition.RunId] = status;
        }

        var snapshot = Snapshot();
        if (snapshot.Runs.Count == state.State.RunIds.Count && snapshot.IsFinished && _retryFailed.Count == 0)
        {
            _watchdog ??= new SweepWatchdog(this, recovery.Value, WatchAsync);
            await _watchdog.StopAsync();
            return;
        }

        await TryDispatchAsync();
    }

    private SweepStatus Snapshot() => new()
    {
        Spec = state.State.Spec!,
        Runs = state.State.RunIds.Where(_runs.ContainsKey).Select(id => _runs[id]).ToArray(),
        CreatedUtc = state.State.CreatedUtc,
    };

    private void ThrowIfMissing()
    {
        if (!state.RecordExists)
        {
            throw new ArgumentException(
                $"No sweep named '{this.GetPrimaryKeyString()}' exists; start it with `fer sweep start SPEC.yaml`.");
        }
    }

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
