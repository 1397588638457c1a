using FerOrleans.Learning.Data;

namespace FerOrleans.Learning.Training;

/// <summary>Checks of a run configuration and its data before training starts.</summary>
internal static class RunValidation
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting or input.</summary>
    public static void Check(RunConfig config, FaceDataset a, FaceDataset? b, SplitIndices split)
    {
        CheckApproach(config, a, b);
        CheckTraining(config);
        CheckSplit(a, split);
    }

    private static void CheckApproach(RunConfig config, FaceDataset a, FaceDataset? b)
    {
        var approach = config.Approach ?? throw new ArgumentException("The run configuration has no approach.", nameof(config));
        if (approach.Variant == DataVariant.ChildrenAugmentedByAdults && approach.Kind != ApproachKind.SC)
        {
            throw new ArgumentException(
                $"Approach {approach.Name} is invalid: the (c<-a) variant pairs views by label and exists only for SC.",
                nameof(config));
        }

        if (approach.UsesSupplement && b is null)
        {
            throw new ArgumentException(
                $"Approach {approach.Name} draws images from data set B, but no data set B was given.", nameof(b));
        }

        if (approach.UsesSupplement && b!.ImageSize != a.ImageSize)
        {
            throw new ArgumentException(
                $"Data set B ('{b.Name}') has {b.ImageSize}x{b.ImageSize} images but data set A ('{a.Name}') has "
                + $"{a.ImageSize}x{a.ImageSize}; pre-process both to one size.", nameof(b));
        }
    }

    private static void CheckTraining(RunConfig config)
    {
        var training = config.Training ?? throw new ArgumentException("The run configuration has no training options.", nameof(config));
        ArgumentNullException.ThrowIfNull(config.Network, "config.Network");
        ArgumentNullException.ThrowIfNull(config.Augmentation, "config.Augmentation");
        Require(config.AugmentationRatio >= 1, nameof(config.AugmentationRatio), config.AugmentationRatio, "an integer >= 1");
        Require(training.Epochs >= 1, nameof(training.Epochs), training.Epochs, "an integer >= 1");
        Require(training.BatchSize >= 2, nameof(training.BatchSize), training.BatchSize, "an integer >= 2");
        Require(training.LearningRate > 0, nameof(training.LearningRate), training.LearningRate, "a number > 0");
        Require(training.Momentum is >= 0 and < 1, nameof(training.Momentum), training.Momentum, "a number in [0, 1)");
        Require(training.WeightDecay >= 0, nameof(training.WeightDecay), training.WeightDecay, "a number >= 0");
        Require(config.Network.Width >= 1, nameof(config.Network.Width), config.Network.Width, "an integer >= 1");
        Require(Enum.IsDefined(config.Network.Head), nameof(config.Network.Head), config.Network.Head, "Mlp or Linear");
        CheckSchedule(training);
        if (config.Approach.Kind == ApproachKind.SL)
        {
            return;
        }

        Require(training.BatchSize % 2 == 0, nameof(training.BatchSize), training.BatchSize,
            "even for SC and UC, because a batch contains two views of each image");
        Require(training.ProbeEpochs >= 1, nameof(training.ProbeEpochs), training.ProbeEpochs, "an integer >= 1");
        Require(training.ProbeLearningRate > 0, nameof(training.ProbeLearningRate), training.ProbeLearningRate, "a number > 0");
        Require(training.SupConTemperature > 0, nameof(training.SupConTemperature), training.SupConTemperature, "a number > 0");
        Require(training.SimClrTemperature > 0, nameof(training.SimClrTemperature), training.SimClrTemperature, "a number > 0");
        Require(training.BaseTemperature is null or > 0, nameof(training.BaseTemperature), training.BaseTemperature, "null or a number > 0");
    }

    private static void CheckSchedule(TrainingOptions training)
    {
        Require(Enum.IsDefined(training.Schedule), nameof(training.Schedule), training.Schedule, "Step or Cosine");
        Require(Enum.IsDefined(training.Optimizer), nameof(training.Optimizer), training.Optimizer, "Sgd");
        Require(training.WarmupEpochs >= 0 && training.WarmupEpochs < training.Epochs, nameof(training.WarmupEpochs),
            training.WarmupEpochs, $"an integer from 0 to Epochs - 1 ({training.Epochs - 1})");
        Require(training.DecayRate is > 0 and <= 1, nameof(training.DecayRate), training.DecayRate, "a number in (0, 1]");
        var fractions = training.DecayFractions ?? TrainingOptions.DefaultDecayFractions;
        Require(fractions.All(f => f is >= 0 and <= 1), nameof(training.DecayFractions),
            string.Join(", ", fractions), "fractions in [0, 1]");
    }

    private static void CheckSplit(FaceDataset a, SplitIndices split)
    {
        var parts = new (string Name, int[] Indices)[]
        {
            ("training", split.Train), ("validation", split.Validation), ("test", split.Test),
        };
        var owner = new Dictionary<int, string>();
        foreach (var (name, indices) in parts)
        {
            if (indices is null || indices.Length == 0)
            {
                throw new ArgumentException($"The {name} part of the split is empty; every part needs images.", nameof(split));
            }

            foreach (var index in indices)
            {
                if (index < 0 || index >= a.Count)
                {
                    throw new ArgumentException(
                        $"The {name} part contains index {index}, outside data set '{a.Name}' of {a.Count} images.", nameof(split));
                }

                if (!owner.TryAdd(index, name))
                {
                    throw new ArgumentException(
                        $"Image {index} of '{a.Name}' is in the {owner[index]} part and again in the {name} part; "
                        + "the parts of a split must be disjoint.", nameof(split));
                }
            }
        }
    }

    private static void Require(bool valid, string name, object? value, string rule)
    {
        if (!valid)
        {
            throw new ArgumentException($"Invalid {name} {value ?? "null"}: it must be {rule}.", "config");
        }
    }
}
