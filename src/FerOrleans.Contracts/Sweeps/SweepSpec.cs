namespace FerOrleans.Contracts.Sweeps;

/// <summary>
/// What a sweep runs: every approach x training split x augmentation ratio x repetition,
/// on target data set A with optional supplement data set B. Field names match the YAML spec.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SweepSpec
{
    /// <summary>Sweep name; starting the same name and spec again returns the same sweep.</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>Name of the imported target data set A (children).</summary>
    [Id(1)] public required string DatasetA { get; init; }

    /// <summary>Name of the imported supplement data set B (adults); required by (c+a) and (c&lt;-a).</summary>
    [Id(2)] public string? DatasetB { get; init; }

    /// <summary>Approaches as written in the study: SL(c), SL(c+a), SC(c), SC(c+a), SC(c&lt;-a), UC(c), UC(c+a).</summary>
    [Id(3)] public required IReadOnlyList<string> Approaches { get; init; }

    /// <summary>Training splits as fractions in (0, 1): 0.5, 0.7, 0.9 in the study.</summary>
    [Id(4)] public required IReadOnlyList<double> TrainFractions { get; init; }

    /// <summary>Augmentation ratios r: an epoch passes over r augmented copies of the training set.</summary>
    [Id(5)] public required IReadOnlyList<int> AugmentationRatios { get; init; }

    /// <summary>Repetitions per configuration, each with its own split and seed.</summary>
    [Id(6)] public int Repetitions { get; init; } = 10;

    /// <summary>Seed of repetition k is <c>Seed + k</c>; the same seed gives the same split for every approach.</summary>
    [Id(7)] public int Seed { get; init; } = 1;

    /// <summary>Network: stem ("cifar" or "imagenet") and width.</summary>
    [Id(8)] public NetworkSpec Network { get; init; } = new();

    /// <summary>Optimisation settings; defaults from METHOD.md.</summary>
    [Id(9)] public TrainingSpec Training { get; init; } = new();

    /// <summary>Per-image augmentation settings.</summary>
    [Id(10)] public AugmentationSpec Augmentation { get; init; } = new();

    /// <summary>When true, no subject has images on two sides of a split.</summary>
    [Id(11)] public bool SubjectDisjoint { get; init; }

    /// <summary>Checkpoints kept per run; older ones are deleted after a newer one is stored.</summary>
    [Id(12)] public int CheckpointsKept { get; init; } = 2;

    /// <summary>
    /// Failed attempts after which a run stops being retried automatically and stays Failed;
    /// <c>fer sweep rerun-failed</c> resets the count.
    /// </summary>
    [Id(40)] public int MaxAttempts { get; init; } = 3;

    /// <summary>Most runs of this sweep queued or training at once across the cluster; null means no limit.</summary>
    [Id(30)] public int? MaxConcurrentRuns { get; init; }
}

/// <summary>Encoder and projection head shape.</summary>
[GenerateSerializer, Immutable]
public sealed record NetworkSpec
{
    /// <summary>"cifar" (3x3 stride 1, no pooling) or "imagenet" (7x7 stride 2 and max pooling).</summary>
    [Id(0)] public string Stem { get; init; } = "cifar";

    /// <summary>Channels of the first ResNet stage; 64 is ResNet-18.</summary>
    [Id(1)] public int Width { get; init; } = 64;

    /// <summary>Hidden units of the projection head.</summary>
    [Id(2)] public int ProjectionHidden { get; init; } = 512;

    /// <summary>Size of the L2-normalised embedding.</summary>
    [Id(3)] public int EmbeddingSize { get; init; } = 128;
}

/// <summary>Optimisation settings of one run.</summary>
[GenerateSerializer, Immutable]
public sealed record TrainingSpec
{
    [Id(0)] public int Epochs { get; init; } = 250;

    [Id(1)] public int ProbeEpochs { get; init; } = 50;

    [Id(2)] public int BatchSize { get; init; } = 32;

    [Id(3)] public double LearningRate { get; init; } = 0.05;

    [Id(4)] public double ProbeLearningRate { get; init; } = 1e-4;

    [Id(5)] public double Momentum { get; init; } = 0.9;

    [Id(6)] public double WeightDecay { get; init; } = 1e-4;

    [Id(7)] public double SupConTemperature { get; init; } = 0.07;

    [Id(8)] public double SimClrTemperature { get; init; } = 0.5;

    /// <summary>Base temperature of the loss scale tau / base_tau; null means equal to tau.</summary>
    [Id(9)] public double? BaseTemperature { get; init; }

    /// <summary>
    /// Floating-point type of the forward and backward pass: "none" (float32), "bf16" (CUDA, or a CPU with bf16
    /// instructions) or "fp16" (CUDA only). Weights, optimiser state and losses stay float32.
    /// </summary>
    [Id(50)] public string MixedPrecision { get; init; } = "none";
}

/// <summary>Per-image augmentation settings.</summary>
[GenerateSerializer, Immutable]
public sealed record AugmentationSpec
{
    [Id(0)] public double CropScaleMin { get; init; } = 0.2;

    [Id(1)] public double CropScaleMax { get; init; } = 1.0;

    [Id(2)] public double FlipProbability { get; init; } = 0.5;

    [Id(3)] public double Brightness { get; init; } = 0.4;

    [Id(4)] public double Contrast { get; init; } = 0.4;

    [Id(5)] public double JitterProbability { get; init; } = 0.8;
}
