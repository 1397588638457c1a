using System.Text.Json;
using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Grains.Placement;
using FerOrleans.Grains.Training;
using Microsoft.Extensions.Logging;

namespace FerOrleans.Grains.Runs;

/// <summary>
/// Owns one run's state. Training happens on a slot thread of <see cref="TrainingSlots"/>, never inside a
/// grain call: <see cref="StartAsync"/> queues the run and returns, and the slot reports back.
/// Activations are placed on the silo with the most free training slots.
/// </summary>
[TrainingSlotPlacement]
public sealed class RunGrain(
    [PersistentState("run", StoreKeys.GrainStorage)] IPersistentState<RunGrainState> state,
    TrainingSlots slots,
    RunStateCounts stateCounts,
    ILogger<RunGrain> logger) : Grain, IRunGrain
{
    private RunProgress? _progress;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && state.State.State is RunState.Queued or RunState.Running
            && !slots.Holds(this.GetPrimaryKeyString()))
        {
            // The slot that had this run is gone (the process stopped); a resume continues from the checkpoint.
            await SetStateAsync(RunState.Interrupted);
        }
        stateCounts.Track(this.GetPrimaryKeyString(), state.State.State);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        stateCounts.Forget(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task InitializeAsync(RunDefinition definition)
    {
        if (state.RecordExists)
        {
            if (JsonSerializer.Serialize(state.State.Definition) != JsonSerializer.Serialize(definition))
            {
                throw new ArgumentException($"Run '{definition.RunId}' exists with a different definition.");
            }
            return;
        }

        state.State.Definition = definition;
        await SetStateAsync(RunState.Pending);
    }

    public async Task<RunStatus> StartAsync()
    {
        var definition = Definition;
        if (state.State.State == RunState.Completed || slots.Holds(definition.RunId))
        {
            return Status();
        }

        if (!slots.TryEnqueue(definition))
        {
            // This silo has no free slot (or none at all: the activation was placed for a status read while no
            // silo had slots): let placement choose a silo with a free slot on the next call.
            logger.RunPlacedElsewhere(definition.RunId, RuntimeIdentity);
            DeactivateOnIdle();
            return Status();
        }

        state.State.Attempts++;
        state.State.Error = null;
        await SetStateAsync(RunState.Queued);
        logger.RunQueued(definition.RunId, state.State.Attempts);
        return Status();
    }

    public Task<RunStatus> GetStatusAsync() => Task.FromResult(Status());

    public async Task ReportStartedAsync(string silo, int resumedFromEpoch)
    {
        state.State.Silo = silo;
        state.State.ResumedFromEpoch = resumedFromEpoch;
        await SetStateAsync(RunState.Running);
        logger.RunStarted(Definition.RunId, silo, resumedFromEpoch);
    }

    public Task ReportProgressAsync(RunProgress progress)
    {
        _progress = progress;
        NotifySweep();
        return Task.CompletedTask;
    }

    public async Task ReportCompletedAsync(RunResult result)
    {
        // Free the slot before the sweep hears of it, so the sweep's next run can take it.
        slots.Release(Definition.RunId);
        state.State.Result = result;
        await SetStateAsync(RunState.Completed);
        logger.RunCompleted(Definition.RunId, result.ValidationAccuracy, result.TestAccuracy);
    }

    public async Task ReportFailedAsync(string error)
    {
        slots.Release(Definition.RunId);
        state.State.Error = error;
        await SetStateAsync(RunState.Failed);
        logger.RunFailed(Definition.RunId, error);
    }

    private RunDefinition Definition => state.State.Definition
        ?? throw new InvalidOperationException($"Run '{this.GetPrimaryKeyString()}' was never initialised by its sweep.");

    private async Task SetStateAsync(RunState runState)
    {
        state.State.State = runState;
        state.State.UpdatedUtc = DateTimeOffset.UtcNow;
        await state.WriteStateAsync();
        stateCounts.Track(this.GetPrimaryKeyString(), runState);
        NotifySweep();
    }

    private void NotifySweep()
    {
        if (state.State.Definition is { } definition)
        {
            _ = GrainFactory.GetGrain<ISweepGrain>(definition.SweepName).OnRunChangedAsync(Status());
        }
    }

    private RunStatus Status() => new()
    {
        Definition = Definition,
        State = state.State.State,
        Progress = _progress,
        Result = state.State.Result,
        Error = state.State.Error,
        Attempts = state.State.Attempts,
        ResumedFromEpoch = state.State.ResumedFromEpoch,
        Silo = state.State.Silo,
        UpdatedUtc = state.State.UpdatedUtc,
    };
}
