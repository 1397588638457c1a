using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Learning.Training;

namespace FerOrleans.Grains.Training;

/// <summary>Maps a run definition of the cluster onto the learning core's run configuration.</summary>
/// <remarks>
/// Text values are those that <see cref="Sweeps.SweepSpecValidator"/> allows; any other value throws
/// <see cref="ArgumentException"/> naming the field.
/// </remarks>
public static class RunConfigMapping
{
    public static RunConfig ToRunConfig(this RunDefinition run) => new(
        Approach.Parse(run.Approach),
        run.TrainFraction,
        run.AugmentationRatio,
        run.Repetition,
        run.Seed,
        ToNetwork(run.Spec.Network),
        ToAugmentation(run.Spec.Augmentation),
        ToTraining(run.Spec.Training));

    private static NetworkOptions ToNetwork(NetworkSpec network) => new(
        network.Stem switch
        {
            "cifar" => Stem.Cifar,
            "imagenet" => Stem.ImageNet,
            _ => throw Unknown("network.stem", network.Stem, "cifar, imagenet"),
        },
        network.Width,
        network.ProjectionHidden,
        network.EmbeddingSize,
        network.ProjectionHead switch
        {
            "mlp" => ProjectionHeadKind.Mlp,
            "linear" => ProjectionHeadKind.Linear,
            _ => throw Unknown("network.projectionHead", network.ProjectionHead, "mlp, linear"),
        });

    private static AugmentationOptions ToAugmentation(AugmentationSpec augmentation) => new(
        augmentation.CropScaleMin,
        augmentation.CropScaleMax,
        augmentation.FlipProbability,
        augmentation.Brightness,
        augmentation.Contrast,
        augmentation.JitterProbability);

    private static TrainingOptions ToTraining(TrainingSpec training) => new(
        training.Epochs,
        training.ProbeEpochs,
        training.BatchSize,
        training.LearningRate,
        training.ProbeLearningRate,
        training.Momentum,
        training.WeightDecay,
        training.SupConTemperature,
        training.SimClrTemperature,
        training.BaseTemperature,
        training.DecayFractions.ToArray(),
        training.ProbeAugmentation,
        training.Schedule switch
        {
            "step" => ScheduleKind.Step,
            "cosine" => ScheduleKind.Cosine,
            _ => throw Unknown("training.schedule", training.Schedule, "step, cosine"),
        },
        training.WarmupEpochs,
        training.DecayRate,
        training.Optimizer switch
        {
            "sgd" => OptimizerKind.Sgd,
            _ => throw Unknown("training.optimizer", training.Optimizer, "sgd"),
        },
        MixedPrecisionModes.Parse(training.MixedPrecision));

    private static ArgumentException Unknown(string field, string value, string allowed) =>
        new($"{field}: '{value}' is not allowed; allowed: {allowed}.");
}
