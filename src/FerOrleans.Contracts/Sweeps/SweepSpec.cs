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

    /// <summary>Optimisation settings; the defaults are the study's and, where it is silent, SupCon's.</summary>
    [Id(9)] public TrainingSpec Training { get; init; } = new();

    /// <summary>Per-image augmentation settings.</summary>
    [Id(10)] public AugmentationSpec Augmentation { get; init; } = new();

    /// <summary>
    /// True: no subject has images in two parts of a split. False: images are split one by one. Null (YAML
    /// <c>auto</c>, the default): true when some subject of data set A has two or more images, as in CAFE, and
    /// false when every image is its own subject, as in FER2013.
    /// </summary>
    [Id(11)] public bool? SubjectDisjoint { get; init; }

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

    /// <summary>
    /// "mlp" (Linear, ReLU, Linear, as in SupCon) or "linear" (one Linear layer, <see cref="ProjectionHidden"/>
    /// unused).
    /// </summary>
    [Id(10)] public string ProjectionHead { get; init; } = "mlp";
}

/// <summary>Optimisation settings of one run.</summary>
[GenerateSerializer, Immutable]
public sealed record TrainingSpec
{
    /// <summary>Epochs of contrastive (SC, UC) or supervised (SL) training.</summary>
    [Id(0)] public int Epochs { get; init; } = 250;

    /// <summary>Epochs of the linear probe on the frozen encoder (SC, UC).</summary>
    [Id(1)] public int ProbeEpochs { get; init; } = 50;

    /// <summary>Views per mini-batch b; contrastive batches hold b/2 images with two views each.</summary>
    [Id(2)] public int BatchSize { get; init; } = 32;

    /// <summary>Initial learning rate of the encoder training.</summary>
    [Id(3)] public double LearningRate { get; init; } = 0.05;

    /// <summary>Initial learning rate of the linear probe.</summary>
    [Id(4)] public double ProbeLearningRate { get; init; } = 1e-4;

    [Id(5)] public double Momentum { get; init; } = 0.9;

    /// <summary>L2 weight decay of the optimiser.</summary>
    [Id(6)] public double WeightDecay { get; init; } = 1e-4;

    /// <summary>Temperature tau of the SupCon loss (SC).</summary>
    [Id(7)] public double SupConTemperature { get; init; } = 0.07;

    /// <summary>Temperature tau of the SimCLR loss (UC).</summary>
    [Id(8)] public double SimClrTemperature { get; init; } = 0.5;

    /// <summary>Base temperature of the loss scale tau / base_tau; null means equal to tau.</summary>
    [Id(9)] public double? BaseTemperature { get; init; }

    /// <summary>
    /// Floating-point type of the forward and backward pass: "none" (float32), "bf16" (CUDA, or a CPU with bf16
    /// instructions) or "fp16" (CUDA only). Weights, optimiser state and losses stay float32.
    /// </summary>
    [Id(50)] public string MixedPrecision { get; init; } = "none";

    /// <summary>
    /// Least seconds between two checkpoints of a run within a phase (the last epoch of a phase is always
    /// checkpointed); 0 checkpoints every epoch. A crash repeats at most this much training, with the same results.
    /// </summary>
    [Id(51)] public double CheckpointIntervalSeconds { get; init; }

    /// <summary>Optimiser: "sgd" (SGD with <see cref="Momentum"/> and <see cref="WeightDecay"/>), the study's.</summary>
    [Id(10)] public string Optimizer { get; init; } = "sgd";

    /// <summary>
    /// Learning-rate schedule of each phase: "step" (times <see cref="DecayRate"/> at epoch n - f n for each f of
    /// <see cref="DecayFractions"/>) or "cosine" (from the initial rate down to initial x DecayRate^3).
    /// </summary>
    [Id(11)] public string Schedule { get; init; } = "step";

    /// <summary>
    /// Epochs of linear warm-up at the start of the encoder training (not the probe); 0 turns it off.
    /// </summary>
    [Id(12)] public int WarmupEpochs { get; init; }

    /// <summary>Fractions f of the step schedule: the rate drops at epochs n - 0.3n, n - 0.2n, n - 0.1n.</summary>
    [Id(13)] public IReadOnlyList<double> DecayFractions { get; init; } = [0.3, 0.2, 0.1];

    /// <summary>Factor of each step decay, and the base of the cosine schedule's floor.</summary>
    [Id(14)] public double DecayRate { get; init; } = 0.1;

    /// <summary>True: the linear probe trains on augmented images (SupCon's linear stage); false: on originals.</summary>
    [Id(15)] public bool ProbeAugmentation { get; init; } = true;
}

/// <summary>
/// Per-image augmentation settings. Saturation and hue jitter are absent because they do nothing to a
/// grayscale image.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AugmentationSpec
{
    /// <summary>Smallest area fraction of the random resized crop (SupCon: 0.2; "crops of up to 20%": 0.8).</summary>
    [Id(0)] public double CropScaleMin { get; init; } = 0.2;

    /// <summary>Largest area fraction of the random resized crop.</summary>
    [Id(1)] public double CropScaleMax { get; init; } = 1.0;

    /// <summary>Probability of a horizontal flip.</summary>
    [Id(2)] public double FlipProbability { get; init; } = 0.5;

    /// <summary>Brightness jitter strength: the factor is drawn from [1 - b, 1 + b].</summary>
    [Id(3)] public double Brightness { get; init; } = 0.4;

    /// <summary>Contrast jitter strength: the factor is drawn from [1 - c, 1 + c].</summary>
    [Id(4)] public double Contrast { get; init; } = 0.4;

    /// <summary>Probability that the colour jitter is applied at all.</summary>
    [Id(5)] public double JitterProbability { get; init; } = 0.8;
}
