using System.Text.Json;
using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Grains.Placement;
using FerOrleans.Grains.Training;
using FerOrleans.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FerOrleans.Grains.Runs;

/// <summary>
/// Owns one run's state. Training happens on a slot thread of <see cref="TrainingSlots"/>, never inside a
/// grain call: <see cref="StartAsync"/> queues the run and returns, and the slot reports back. A failed attempt
/// is queued again after a backoff delay until the spec's maxAttempts failures.
/// Activations are placed on the silo with the most free training slots.
/// </summary>
[TrainingSlotPlacement]
public sealed class RunGrain(
    [PersistentState("run", StoreKeys.GrainStorage)] IPersistentState<RunGrainState> state,
    TrainingSlots slots,
    RunStateCounts stateCounts,
    IBlobStore store,
    IOptions<TrainingSlotOptions> slotOptions,
    ILogger<RunGrain> logger) : Grain, IRunGrain
{
    /// <summary>How often a state write that failed on an unreachable store is tried again.</summary>
    private static readonly TimeSpan StoreRetryInterval = TimeSpan.FromSeconds(2);

    private RunProgress? _progress;
    private IGrainTimer? _retryTimer;
    private IGrainTimer? _storeTimer;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && state.State.State is RunState.Queued or RunState.Running
            && !slots.Holds(this.GetPrimaryKeyString()))
        {
            // The slot that had this run is gone (the process stopped); a resume continues from the checkpoint.
            EndAttempt(RunState.Interrupted, null);
            await SetStateAsync(RunState.Interrupted);
        }
        if (state.State.State == RunState.Retrying)
        {
            ScheduleRetry((state.State.NextRetryUtc ?? DateTimeOffset.UtcNow) - DateTimeOffset.UtcNow);
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
        if (state.State.State == RunState.Completed || slots.Holds(definition.RunId) || ReachedRetryCap)
        {
            return Status();
        }

        StopRetryTimer();
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
        state.State.CancelReason = null;
        state.State.NextRetryUtc = null;
        state.State.History.Add(new RunAttempt
        {
            Number = state.State.Attempts,
            QueuedUtc = DateTimeOffset.UtcNow,
            Outcome = RunState.Queued,
        });
        await SetStateAsync(RunState.Queued);
        logger.RunQueued(definition.RunId, state.State.Attempts);
        return Status();
    }

    public async Task<RunStatus> CancelAsync(string reason)
    {
        if (state.State.State is RunState.Completed or RunState.Failed or RunState.Cancelled || state.State.Definition is null)
        {
            return Status();
        }

        logger.RunCancelRequested(Definition.RunId, reason);
        state.State.CancelReason = reason;
        if (slots.Cancel(Definition.RunId))
        {
            // The slot stops the run at its next step and reports back through ReportCancelledAsync.
            await WriteAsync();
            return Status();
        }

        StopRetryTimer();
        state.State.NextRetryUtc = null;
        EndAttempt(RunState.Cancelled, null);
        await SetStateAsync(RunState.Cancelled);
        return Status();
    }

    public async Task<RunStatus> RerunAsync()
    {
        if (state.State.State != RunState.Failed)
        {
            return Status();
        }

        logger.RunRerun(Definition.RunId, state.State.FailedAttempts);
        state.State.FailedAttempts = 0;
        return await StartAsync();
    }

    public Task<RunStatus> GetStatusAsync() => Task.FromResult(Status());

    public Task<IReadOnlyList<CheckpointInfo>> GetCheckpointsAsync() =>
        CheckpointCatalog.ListAsync(store, this.GetPrimaryKeyString());

    public async Task ReportStartedAsync(string silo, int resumedFromEpoch)
    {
        state.State.Silo = silo;
        state.State.ResumedFromEpoch = resumedFromEpoch;
        UpdateAttempt(attempt => attempt with
        {
            StartedUtc = DateTimeOffset.UtcNow,
            Silo = silo,
            ResumedFromCheckpoint = resumedFromEpoch,
            Outcome = RunState.Running,
        });
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
        EndAttempt(RunState.Completed, null);
        await SetStateAsync(RunState.Completed);
        logger.RunCompleted(Definition.RunId, result.ValidationAccuracy, result.TestAccuracy);
    }

    public async Task ReportFailedAsync(string error)
    {
        slots.Release(Definition.RunId);
        state.State.Error = error;
        state.State.FailedAttempts++;
        EndAttempt(RunState.Failed, error);
        logger.RunFailed(Definition.RunId, error);
        if (ReachedRetryCap || state.State.CancelReason is not null)
        {
            await SetStateAsync(RunState.Failed);
            logger.RunGaveUp(Definition.RunId, state.State.FailedAttempts);
            return;
        }

        var delay = slotOptions.Value.RetryDelayAfter(state.State.FailedAttempts);
        state.State.NextRetryUtc = DateTimeOffset.UtcNow + delay;
        await SetStateAsync(RunState.Retrying);
        ScheduleRetry(delay);
        logger.RunRetryScheduled(Definition.RunId, state.State.FailedAttempts, Definition.Spec.MaxAttempts, delay);
    }

    public async Task ReportCancelledAsync()
    {
        slots.Release(Definition.RunId);
        EndAttempt(RunState.Cancelled, null);
        await SetStateAsync(RunState.Cancelled);
    }

    private RunDefinition Definition => state.State.Definition
        ?? throw new InvalidOperationException($"Run '{this.GetPrimaryKeyString()}' was never initialised by its sweep.");

    private bool ReachedRetryCap => state.State.FailedAttempts >= Definition.Spec.MaxAttempts;

    private void ScheduleRetry(TimeSpan delay)
    {
        StopRetryTimer();
        _retryTimer = this.RegisterGrainTimer(
            RetryAsync,
            new GrainTimerCreationOptions(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan)
            {
                KeepAlive = true,
            });
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        StopRetryTimer();
        if (state.State.State == RunState.Retrying)
        {
            await StartAsync();
        }
    }

    private void StopRetryTimer()
    {
        _retryTimer?.Dispose();
        _retryTimer = null;
    }

    private void UpdateAttempt(Func<RunAttempt, RunAttempt> update)
    {
        var history = state.State.History;
        if (history.Count > 0 && history[^1].EndedUtc is null)
        {
            history[^1] = update(history[^1]);
        }
    }

    private void EndAttempt(RunState outcome, string? error) =>
        UpdateAttempt(attempt => attempt with { EndedUtc = DateTimeOffset.UtcNow, Outcome = outcome, Error = error });

    private async Task SetStateAsync(RunState runState)
    {
        state.State.State = runState;
        state.State.UpdatedUtc = DateTimeOffset.UtcNow;
        stateCounts.Track(this.GetPrimaryKeyString(), runState);
        await WriteAsync();
        NotifySweep();
    }

    /// <summary>
    /// Stores the state. While the store is unreachable the change stays in memory, where status calls see it,
    /// and a timer stores it once the store responds again, so a report from a slot is never lost.
    /// </summary>
    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
            if (_storeTimer is not null)
            {
                _storeTimer.Dispose();
                _storeTimer = null;
                logger.RunStateStoredLate(this.GetPrimaryKeyString(), state.State.State.ToString());
            }
        }
        catch (Exception ex) when (IsStoreOutage(ex))
        {
            logger.RunStateNotStored(ex, this.GetPrimaryKeyString(), state.State.State.ToString());
            _storeTimer ??= this.RegisterGrainTimer(
                _ => WriteAsync(),
                new GrainTimerCreationOptions(StoreRetryInterval, StoreRetryInterval) { KeepAlive = true });
        }
    }

    /// <summary>Orleans wraps the storage provider's exception, so the whole chain is searched.</summary>
    private static bool IsStoreOutage(Exception ex)
    {
        for (Exception? current = ex; current is not null; current = current.InnerException)
        {
            if (current is StorageUnavailableException || current.IsTransient())
            {
                return true;
            }
        }
        return false;
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
        History = state.State.History.ToArray(),
        FailedAttempts = state.State.FailedAttempts,
        CancelReason = state.State.CancelReason,
        NextRetryUtc = state.State.NextRetryUtc,
    };
}
