namespace FerOrleans.Contracts.Runs;

/// <summary>The latest training progress of a run, as reported by its slot.</summary>
[GenerateSerializer, Immutable]
public sealed record RunProgress
{
    /// <summary>"contrastive", "probe" or "supervised".</summary>
    [Id(0)] public required string Phase { get; init; }

    [Id(1)] public int Epoch { get; init; }

    [Id(2)] public int TotalEpochs { get; init; }

    [Id(3)] public long Step { get; init; }

    [Id(4)] public int StepsPerEpoch { get; init; }

    [Id(5)] public double Loss { get; init; }

    [Id(6)] public double ImagesPerSecond { get; init; }

    [Id(7)] public double? ValidationAccuracy { get; init; }

    /// <summary>Fraction of the whole run done, 0 to 1, over all phases.</summary>
    [Id(8)] public double Fraction { get; init; }

    /// <summary>Estimated time left, from the elapsed time and <see cref="Fraction"/>.</summary>
    [Id(9)] public TimeSpan? Remaining { get; init; }
}
