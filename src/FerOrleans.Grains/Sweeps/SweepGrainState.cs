using FerOrleans.Contracts.Sweeps;

namespace FerOrleans.Grains.Sweeps;

/// <summary>What a sweep persists: its spec and the ids of its runs (the runs persist their own state).</summary>
[GenerateSerializer]
public sealed class SweepGrainState
{
    [Id(0)] public SweepSpec? Spec { get; set; }

    [Id(1)] public List<string> RunIds { get; set; } = [];

    [Id(2)] public DateTimeOffset CreatedUtc { get; set; }
}
