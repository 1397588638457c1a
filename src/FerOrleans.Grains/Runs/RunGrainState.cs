using FerOrleans.Contracts.Runs;

namespace FerOrleans.Grains.Runs;

/// <summary>What a run persists: its definition, life-cycle state, attempts, result or error.</summary>
[GenerateSerializer]
public sealed class RunGrainState
{
    [Id(0)] public RunDefinition? Definition { get; set; }

    [Id(1)] public RunState State { get; set; }

    [Id(2)] public RunResult? Result { get; set; }

    [Id(3)] public string? Error { get; set; }

    [Id(4)] public int Attempts { get; set; }

    [Id(5)] public int ResumedFromEpoch { get; set; }

    [Id(6)] public string? Silo { get; set; }

    [Id(7)] public DateTimeOffset UpdatedUtc { get; set; }

    /// <summary>Every attempt, oldest first.</summary>
    [Id(50)] public List<RunAttempt> History { get; set; } = [];

    /// <summary>Failed attempts since the run was created or last rerun; compared with the spec's maxAttempts.</summary>
    [Id(51)] public int FailedAttempts { get; set; }

    [Id(52)] public string? CancelReason { get; set; }

    /// <summary>When a Retrying run is queued again.</summary>
    [Id(53)] public DateTimeOffset? NextRetryUtc { get; set; }
}
