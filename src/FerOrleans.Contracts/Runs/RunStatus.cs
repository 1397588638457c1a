namespace FerOrleans.Contracts.Runs;

/// <summary>A run's definition, state, latest progress and result.</summary>
[GenerateSerializer, Immutable]
public sealed record RunStatus
{
    [Id(0)] public required RunDefinition Definition { get; init; }

    [Id(1)] public RunState State { get; init; }

    [Id(2)] public RunProgress? Progress { get; init; }

    [Id(3)] public RunResult? Result { get; init; }

    /// <summary>Why the run failed, when it did.</summary>
    [Id(4)] public string? Error { get; init; }

    /// <summary>How many times the run was started, resumes included.</summary>
    [Id(5)] public int Attempts { get; init; }

    /// <summary>Epochs restored from a checkpoint at the latest start; 0 for a fresh start.</summary>
    [Id(6)] public int ResumedFromEpoch { get; init; }

    /// <summary>Silo that runs or last ran the run.</summary>
    [Id(7)] public string? Silo { get; init; }

    [Id(8)] public DateTimeOffset UpdatedUtc { get; init; }

    /// <summary>Every attempt of the run, oldest first, with its outcome and error.</summary>
    [Id(50)] public IReadOnlyList<RunAttempt> History { get; init; } = [];

    /// <summary>Failed attempts counted against <see cref="Sweeps.SweepSpec.MaxAttempts"/>; a rerun resets it.</summary>
    [Id(51)] public int FailedAttempts { get; init; }

    /// <summary>Why the run was cancelled, when it was.</summary>
    [Id(52)] public string? CancelReason { get; init; }

    /// <summary>When a <see cref="RunState.Retrying"/> run is queued again.</summary>
    [Id(53)] public DateTimeOffset? NextRetryUtc { get; init; }
}
