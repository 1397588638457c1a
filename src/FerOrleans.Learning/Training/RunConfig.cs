using System.Text.Json.Serialization;

namespace FerOrleans.Learning.Training;

/// <summary>The first layers of the ResNet-18.</summary>
public enum Stem
{
    /// <summary>3x3 convolution, stride 1, no max pooling, as in the SupContrast reference code and the paper preset.</summary>
    Cifar,

    /// <summary>7x7 convolution, stride 2, then 3x3 max pooling; about 10 times cheaper at 48x48.</summary>
    ImageNet,
}

/// <summary>Shape of the encoder and the projection head.</summary>
/// <param name="Width">Channels of the first stage; ResNet-18 uses 64, stages double it (64-128-256-512).</param>
/// <param name="ProjectionHidden">Hidden units of the projection head MLP.</param>
/// <param name="EmbeddingSize">Output size K of the projection head, L2-normalised.</param>
/// <param name="Head">Layers of the projection head; <see cref="ProjectionHidden"/> applies to the MLP only.</param>
public sealed record NetworkOptions(
    Stem Stem = Stem.Cifar,
    int Width = 64,
    int ProjectionHidden = 512,
    int EmbeddingSize = 128,
    ProjectionHeadKind Head = ProjectionHeadKind.Mlp)
{
    /// <summary>Size K' of the representation: 8 x <see cref="Width"/> (512 for width 64).</summary>
    public int RepresentationSize => 8 * Width;
}

/// <summary>Per-image random augmentation, drawn independently for every view.</summary>
/// <param name="CropScaleMin">Smallest area fraction of a random resized crop (SupCon: 0.2).</param>
/// <param name="CropScaleMax">Largest area fraction of a random resized crop.</param>
/// <param name="FlipProbability">Probability of a horizontal flip.</param>
/// <param name="Brightness">Brightness jitter strength: factor drawn from [1 - b, 1 + b].</param>
/// <param name="Contrast">Contrast jitter strength: factor drawn from [1 - c, 1 + c].</param>
/// <param name="JitterProbability">Probability that colour jitter is applied at all.</param>
public sealed record AugmentationOptions(
    double CropScaleMin = 0.2,
    double CropScaleMax = 1.0,
    double FlipProbability = 0.5,
    double Brightness = 0.4,
    double Contrast = 0.4,
    double JitterProbability = 0.8);

/// <summary>Optimisation settings; defaults are those of METHOD.md and SupContrast.</summary>
/// <param name="Epochs">Epochs of contrastive or supervised training (paper: 250).</param>
/// <param name="ProbeEpochs">Epochs of the linear probe after contrastive training (paper: 50).</param>
/// <param name="BatchSize">Views per mini-batch b; b/2 images with two views each.</param>
/// <param name="LearningRate">Initial SGD learning rate of the encoder training.</param>
/// <param name="ProbeLearningRate">Initial SGD learning rate of the linear probe.</param>
/// <param name="Momentum">SGD momentum.</param>
/// <param name="WeightDecay">SGD weight decay (L2).</param>
/// <param name="SupConTemperature">Temperature tau of the SupCon loss.</param>
/// <param name="SimClrTemperature">Temperature tau of the SimCLR loss.</param>
/// <param name="BaseTemperature">Loss scale tau / base_tau; null means base_tau = tau.</param>
/// <param name="DecayFractions">The step schedule multiplies the rate by <paramref name="DecayRate"/> at epoch n - f n for each f.</param>
/// <param name="ProbeAugmentation">
/// True: the linear probe trains on augmented images, as SupContrast's linear stage does; false: on un-augmented images.
/// </param>
/// <param name="Schedule">Learning-rate schedule of each phase.</param>
/// <param name="WarmupEpochs">Epochs of linear warm-up at the start of the encoder phase; the probe has none.</param>
/// <param name="DecayRate">Factor of each step decay; the cosine schedule ends at initial x DecayRate^3.</param>
/// <param name="Optimizer">Optimiser of every phase.</param>
/// <param name="MixedPrecision">
/// Floating-point type of the forward and backward pass (see <see cref="Training.MixedPrecision"/>). Left out of the
/// JSON form when None, so configurations stored before the option existed still match.
/// </param>
public sealed record TrainingOptions(
    int Epochs = 250,
    int ProbeEpochs = 50,
    int BatchSize = 32,
    double LearningRate = 0.05,
    double ProbeLearningRate = 1e-4,
    double Momentum = 0.9,
    double WeightDecay = 1e-4,
    double SupConTemperature = 0.07,
    double SimClrTemperature = 0.5,
    double? BaseTemperature = null,
    double[]? DecayFractions = null,
    bool ProbeAugmentation = true,
    ScheduleKind Schedule = ScheduleKind.Step,
    int WarmupEpochs = 0,
    double DecayRate = LearningRateSchedule.DecayFactor,
    OptimizerKind Optimizer = OptimizerKind.Sgd,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    MixedPrecision MixedPrecision = MixedPrecision.None)
{
    public static readonly double[] DefaultDecayFractions = [0.3, 0.2, 0.1];

    /// <summary>0-based epochs at which the step schedule lowers the rate, for a phase of <paramref name="epochs"/> epochs.</summary>
    public int[] DecayEpochs(int epochs) =>
        (DecayFractions ?? DefaultDecayFractions).Select(f => epochs - (int)Math.Round(f * epochs)).ToArray();
}

/// <summary>Everything one training run needs besides its data.</summary>
/// <param name="Approach">What to train and on which images.</param>
/// <param name="TrainFraction">Training split: per class, round(fraction x minority class size) images.</param>
/// <param name="AugmentationRatio">r: one epoch passes over r augmented copies of the training set.</param>
/// <param name="Repetition">Index of the repetition, 0-based.</param>
/// <param name="Seed">Seeds the split, the augmentation, the sampling and torch.</param>
public sealed record RunConfig(
    Approach Approach,
    double TrainFraction,
    int AugmentationRatio,
    int Repetition,
    int Seed,
    NetworkOptions Network,
    AugmentationOptions Augmentation,
    TrainingOptions Training);
