namespace FerOrleans.Contracts.Runs;

/// <summary>One attempt of a run: from being queued to its completion, failure, cancellation or interruption.</summary>
[GenerateSerializer, Immutable]
public sealed record RunAttempt
{
    /// <summary>1-based number of the attempt, equal to the run's attempt count when it was queued.</summary>
    [Id(0)] public int Number { get; init; }

    [Id(1)] public DateTimeOffset QueuedUtc { get; init; }

    /// <summary>When a training slot took the attempt; null while it waits in the queue.</summary>
    [Id(2)] public DateTimeOffset? StartedUtc { get; init; }

    /// <summary>When the attempt ended; null while it runs.</summary>
    [Id(3)] public DateTimeOffset? EndedUtc { get; init; }

    /// <summary>Silo whose slot trained the attempt.</summary>
    [Id(4)] public string? Silo { get; init; }

    /// <summary>Checkpoint sequence the attempt continued from; 0 for a fresh start.</summary>
    [Id(5)] public int ResumedFromCheckpoint { get; init; }

    /// <summary>How the attempt ended: Completed, Failed, Cancelled or Interrupted; Queued or Running while it lasts.</summary>
    [Id(6)] public RunState Outcome { get; init; }

    /// <summary>The error of a failed attempt.</summary>
    [Id(7)] public string? Error { get; init; }
}
