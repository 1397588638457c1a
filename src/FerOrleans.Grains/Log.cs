using Microsoft.Extensions.Logging;

namespace FerOrleans.Grains;

/// <summary>Event ids of the grains' log messages; stable, so dashboards and alerts can filter on them.</summary>
public enum LogEvent
{
    SweepCreated = 1000,
    SweepStartedAgain = 1001,
    RunQueued = 1100,
    RunStarted = 1101,
    RunCompleted = 1102,
    RunFailed = 1103,
    RunCrashed = 1104,
    RunCancelled = 1105,
    ProgressNotDelivered = 1106,
    CheckpointStored = 1200,
    DatasetCommitted = 1300,
    DatasetShardCached = 1301,
    DatasetCacheCorrupt = 1302,
    SlotsStarted = 1400,
    SlotTakesRun = 1401,
    SlotJobCrashed = 1402,
    RunCancelRequested = 4200,
    RunStoppedByCancel = 4201,
    RunRetryScheduled = 4202,
    RunGaveUp = 4203,
    RunRerun = 4204,
    RunStateNotStored = 4205,
    RunStateStoredLate = 4206,
    CheckpointCorrupt = 4207,
    CheckpointNoneValid = 4208,
    CheckpointStoreRetry = 4209,
    CheckpointDeleteFailed = 4210,
    SweepCancelled = 4211,
    SweepRerunFailed = 4212,
    AcceleratorMetricsUnavailable = 5100,
    SlotLoadUnavailable = 4100,
    NoSlotSilo = 4101,
    RunStatusUnavailable = 4102,
    RunRecovering = 4103,
    SweepDispatchDeferred = 4104,
    RunPlacedElsewhere = 4105,
    WatchdogTick = 4106,
}

internal static partial class Log
{
    [LoggerMessage((int)LogEvent.SweepCreated, LogLevel.Information, "Sweep {Sweep} created with {Runs} runs")]
    public static partial void SweepCreated(this ILogger logger, string sweep, int runs);

    [LoggerMessage((int)LogEvent.SweepStartedAgain, LogLevel.Information, "Sweep {Sweep} exists with the same spec; dispatching its unfinished runs")]
    public static partial void SweepStartedAgain(this ILogger logger, string sweep);

    [LoggerMessage((int)LogEvent.RunQueued, LogLevel.Information, "Run {RunId} queued (attempt {Attempt})")]
    public static partial void RunQueued(this ILogger logger, string runId, int attempt);

    [LoggerMessage((int)LogEvent.RunStarted, LogLevel.Information, "Run {RunId} training on {Silo}, resumed from checkpoint {Checkpoint}")]
    public static partial void RunStarted(this ILogger logger, string runId, string silo, int checkpoint);

    [LoggerMessage((int)LogEvent.RunCompleted, LogLevel.Information, "Run {RunId} completed: validation {Validation:P1}, test {Test:P1}")]
    public static partial void RunCompleted(this ILogger logger, string runId, double validation, double test);

    [LoggerMessage((int)LogEvent.RunFailed, LogLevel.Warning, "Run {RunId} failed: {Error}")]
    public static partial void RunFailed(this ILogger logger, string runId, string error);

    [LoggerMessage((int)LogEvent.RunCrashed, LogLevel.Error, "Run {RunId} stopped with an exception")]
    public static partial void RunCrashed(this ILogger logger, Exception exception, string runId);

    [LoggerMessage((int)LogEvent.RunCancelled, LogLevel.Information, "Run {RunId} stopped by silo shutdown; it resumes from its last checkpoint")]
    public static partial void RunCancelled(this ILogger logger, string runId);

    [LoggerMessage((int)LogEvent.ProgressNotDelivered, LogLevel.Debug, "Progress of run {RunId} not delivered")]
    public static partial void ProgressNotDelivered(this ILogger logger, Exception exception, string runId);

    [LoggerMessage((int)LogEvent.CheckpointStored, LogLevel.Debug, "Run {RunId} stored checkpoint {Sequence} ({Bytes} bytes)")]
    public static partial void CheckpointStored(this ILogger logger, string runId, int sequence, int bytes);

    [LoggerMessage((int)LogEvent.DatasetCommitted, LogLevel.Information, "Data set {Dataset} committed: {Images} images in {Shards} shards")]
    public static partial void DatasetCommitted(this ILogger logger, string dataset, int images, int shards);

    [LoggerMessage((int)LogEvent.DatasetShardCached, LogLevel.Debug, "Data set {Dataset} shard {Shard} cached ({Bytes} bytes)")]
    public static partial void DatasetShardCached(this ILogger logger, string dataset, int shard, int bytes);

    [LoggerMessage((int)LogEvent.DatasetCacheCorrupt, LogLevel.Warning, "Cached copy of data set {Dataset} failed its checksum ({Reason}); fetching it again")]
    public static partial void DatasetCacheCorrupt(this ILogger logger, string dataset, string reason);

    [LoggerMessage((int)LogEvent.SlotsStarted, LogLevel.Information, "{Slots} training slots started, {Threads} torch threads")]
    public static partial void SlotsStarted(this ILogger logger, int slots, int threads);

    [LoggerMessage((int)LogEvent.SlotTakesRun, LogLevel.Information, "Slot {Slot} takes run {RunId}")]
    public static partial void SlotTakesRun(this ILogger logger, int slot, string runId);

    [LoggerMessage((int)LogEvent.SlotJobCrashed, LogLevel.Error, "Slot {Slot} lost run {RunId} to an exception it could not report")]
    public static partial void SlotJobCrashed(this ILogger logger, Exception exception, int slot, string runId);

    [LoggerMessage((int)LogEvent.RunCancelRequested, LogLevel.Information, "Run {RunId} cancel requested: {Reason}")]
    public static partial void RunCancelRequested(this ILogger logger, string runId, string reason);

    [LoggerMessage((int)LogEvent.RunStoppedByCancel, LogLevel.Information, "Run {RunId} stopped on request; its checkpoints are kept")]
    public static partial void RunStoppedByCancel(this ILogger logger, string runId);

    [LoggerMessage((int)LogEvent.RunRetryScheduled, LogLevel.Warning,
        "Run {RunId} failed attempt {Failed} of {MaxAttempts}; queued again in {Delay}")]
    public static partial void RunRetryScheduled(this ILogger logger, string runId, int failed, int maxAttempts, TimeSpan delay);

    [LoggerMessage((int)LogEvent.RunGaveUp, LogLevel.Error,
        "Run {RunId} failed {Failed} times, the maximum; it stays failed until `fer sweep rerun-failed`")]
    public static partial void RunGaveUp(this ILogger logger, string runId, int failed);

    [LoggerMessage((int)LogEvent.RunRerun, LogLevel.Information, "Run {RunId} rerun: failed-attempt count reset from {Failed}")]
    public static partial void RunRerun(this ILogger logger, string runId, int failed);

    [LoggerMessage((int)LogEvent.RunStateNotStored, LogLevel.Warning,
        "Run {RunId} state {State} not stored, the store is unreachable; retrying in the background")]
    public static partial void RunStateNotStored(this ILogger logger, Exception exception, string runId, string state);

    [LoggerMessage((int)LogEvent.RunStateStoredLate, LogLevel.Information, "Run {RunId} state {State} stored after an earlier failure")]
    public static partial void RunStateStoredLate(this ILogger logger, string runId, string state);

    [LoggerMessage((int)LogEvent.CheckpointCorrupt, LogLevel.Warning,
        "Run {RunId} checkpoint {Sequence} is unusable ({Reason}); trying the previous one")]
    public static partial void CheckpointCorrupt(this ILogger logger, string runId, int sequence, string reason);

    [LoggerMessage((int)LogEvent.CheckpointNoneValid, LogLevel.Error,
        "Run {RunId} has {Count} stored checkpoints and none is usable; training starts from the beginning")]
    public static partial void CheckpointNoneValid(this ILogger logger, string runId, int count);

    [LoggerMessage((int)LogEvent.CheckpointStoreRetry, LogLevel.Warning,
        "Run {RunId}: {Operation} failed (retry {Retry} in {Delay})")]
    public static partial void CheckpointStoreRetry(this ILogger logger, Exception exception, string runId, string operation, int retry, TimeSpan delay);

    [LoggerMessage((int)LogEvent.CheckpointDeleteFailed, LogLevel.Warning,
        "Run {RunId}: old checkpoint {Sequence} not deleted; the next checkpoint tries again")]
    public static partial void CheckpointDeleteFailed(this ILogger logger, Exception exception, string runId, int sequence);

    [LoggerMessage((int)LogEvent.SweepCancelled, LogLevel.Information, "Sweep {Sweep} cancelled: {Runs} unfinished runs stopped ({Reason})")]
    public static partial void SweepCancelled(this ILogger logger, string sweep, int runs, string reason);

    [LoggerMessage((int)LogEvent.SweepRerunFailed, LogLevel.Information, "Sweep {Sweep}: {Runs} failed runs started again")]
    public static partial void SweepRerunFailed(this ILogger logger, string sweep, int runs);
    [LoggerMessage((int)LogEvent.AcceleratorMetricsUnavailable, LogLevel.Warning,
        "CUDA device memory metrics unavailable: {Reason}")]
    public static partial void AcceleratorMetricsUnavailable(this ILogger logger, string reason);
    [LoggerMessage((int)LogEvent.SlotLoadUnavailable, LogLevel.Debug, "Silo {Silo} did not report its training slots")]
    public static partial void SlotLoadUnavailable(this ILogger logger, Exception exception, string silo);

    [LoggerMessage((int)LogEvent.NoSlotSilo, LogLevel.Debug, "No active silo has training slots; {Grain} is placed for status reads only")]
    public static partial void NoSlotSilo(this ILogger logger, string grain);

    [LoggerMessage((int)LogEvent.RunStatusUnavailable, LogLevel.Debug, "Run {RunId} did not report its status; its silo may be down")]
    public static partial void RunStatusUnavailable(this ILogger logger, Exception exception, string runId);

    [LoggerMessage((int)LogEvent.RunRecovering, LogLevel.Warning, "Run {RunId} of sweep {Sweep} lost its silo; restarting it from its last checkpoint")]
    public static partial void RunRecovering(this ILogger logger, string runId, string sweep);

    [LoggerMessage((int)LogEvent.SweepDispatchDeferred, LogLevel.Information, "Sweep {Sweep} could not start runs now; the watchdog tries again")]
    public static partial void SweepDispatchDeferred(this ILogger logger, Exception exception, string sweep);

    [LoggerMessage((int)LogEvent.RunPlacedElsewhere, LogLevel.Debug, "Run {RunId} found no free slot on {Silo}; deactivating so placement chooses again")]
    public static partial void RunPlacedElsewhere(this ILogger logger, string runId, string silo);

    [LoggerMessage((int)LogEvent.WatchdogTick, LogLevel.Debug, "Sweep {Sweep} watchdog reads {Runs} queued or running runs")]
    public static partial void WatchdogTick(this ILogger logger, string sweep, int runs);
}
