using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Learning.Training;

namespace FerOrleans.Grains.Training;

/// <summary>Maps a run definition of the cluster onto the learning core's run configuration.</summary>
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
        network.Stem == "imagenet" ? Stem.ImageNet : Stem.Cifar,
        network.Width,
        network.ProjectionHidden,
        network.EmbeddingSize);

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
        MixedPrecision: MixedPrecisionModes.Parse(training.MixedPrecision));
}
