using FerOrleans.Contracts.Sweeps;

namespace FerOrleans.Contracts.Runs;

/// <summary>One cell of a sweep: approach, split, ratio and repetition, with the spec it came from.</summary>
[GenerateSerializer, Immutable]
public sealed record RunDefinition
{
    /// <summary>Run id, unique within the cluster: <c>{sweep}/{approach}-s{split}-r{ratio}-k{repetition}</c>.</summary>
    [Id(0)] public required string RunId { get; init; }

    [Id(1)] public required string SweepName { get; init; }

    [Id(2)] public required string Approach { get; init; }

    [Id(3)] public required double TrainFraction { get; init; }

    [Id(4)] public required int AugmentationRatio { get; init; }

    [Id(5)] public required int Repetition { get; init; }

    [Id(6)] public required int Seed { get; init; }

    [Id(7)] public required SweepSpec Spec { get; init; }
}
