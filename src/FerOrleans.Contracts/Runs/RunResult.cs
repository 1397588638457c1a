namespace FerOrleans.Contracts.Runs;

/// <summary>What a completed run measured.</summary>
[GenerateSerializer, Immutable]
public sealed record RunResult
{
    /// <summary>Top-1 validation accuracy, 0 to 1, of the kept (best-validation) weights.</summary>
    [Id(0)] public double ValidationAccuracy { get; init; }

    /// <summary>Top-1 test accuracy, 0 to 1, of the kept weights.</summary>
    [Id(1)] public double TestAccuracy { get; init; }

    /// <summary>Emotion names of the classifier outputs, in output order.</summary>
    [Id(2)] public IReadOnlyList<string> ClassNames { get; init; } = [];

    /// <summary>Test confusion matrix: rows true class, columns predicted class.</summary>
    [Id(3)] public IReadOnlyList<IReadOnlyList<int>> TestConfusion { get; init; } = [];

    [Id(4)] public int BestEpoch { get; init; }

    [Id(5)] public long Steps { get; init; }

    [Id(6)] public double DurationSeconds { get; init; }

    /// <summary>Torch device the run trained on ("cpu", "cuda:0").</summary>
    [Id(7)] public string Device { get; init; } = "";

    /// <summary>Store key of the trained model, readable by <c>fer predict</c>.</summary>
    [Id(8)] public string ModelKey { get; init; } = "";

    /// <summary>Image ids of the training, validation and test parts, so the split can be audited.</summary>
    [Id(9)] public RunSplitIds Split { get; init; } = new();
}

/// <summary>Image ids of each part of a run's split.</summary>
[GenerateSerializer, Immutable]
public sealed record RunSplitIds
{
    [Id(0)] public IReadOnlyList<string> Train { get; init; } = [];

    [Id(1)] public IReadOnlyList<string> Validation { get; init; } = [];

    [Id(2)] public IReadOnlyList<string> Test { get; init; } = [];

    /// <summary>True when the split kept every subject in one part (the spec's rule, resolved for data set A).</summary>
    [Id(30)] public bool SubjectDisjoint { get; init; }
}
