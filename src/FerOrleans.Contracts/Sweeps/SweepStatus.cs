using FerOrleans.Contracts.Runs;

namespace FerOrleans.Contracts.Sweeps;

/// <summary>A sweep's spec and the status of each of its runs.</summary>
[GenerateSerializer, Immutable]
public sealed record SweepStatus
{
    [Id(0)] public required SweepSpec Spec { get; init; }

    [Id(1)] public required IReadOnlyList<RunStatus> Runs { get; init; }

    [Id(2)] public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>True when every run has completed, failed for good or been cancelled.</summary>
    public bool IsFinished => Runs.All(r => r.State is RunState.Completed or RunState.Failed or RunState.Cancelled);

    public int Count(RunState state) => Runs.Count(r => r.State == state);
}
