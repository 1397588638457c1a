using System.Text.RegularExpressions;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Learning.Training;

namespace FerOrleans.Grains.Sweeps;

/// <summary>Checks a sweep spec before anything is stored; every problem names the field and what is allowed.</summary>
public static partial class SweepSpecValidator
{
    public static readonly IReadOnlyList<string> Stems = ["cifar", "imagenet"];

    /// <summary>All problems of the spec; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(SweepSpec spec)
    {
        var problems = new List<string>();
        CheckNames(spec, problems);
        CheckCells(spec, problems);
        CheckNetwork(spec.Network, problems);
        CheckTraining(spec.Training, problems);
        CheckAugmentation(spec.Augmentation, problems);
        return problems;
    }

    /// <exception cref="ArgumentException">The spec has at least one problem; the message lists them all.</exception>
    public static void ThrowIfInvalid(SweepSpec spec)
    {
        var problems = Problems(spec);
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                $"Invalid sweep spec '{spec.Name}':{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}");
        }
    }

    private static void CheckNames(SweepSpec spec, List<string> problems)
    {
        if (!SafeName().IsMatch(spec.Name ?? ""))
        {
            problems.Add($"name: '{spec.Name}' must be 1-64 characters of letters, digits, '.', '_' or '-'.");
        }
        if (!SafeName().IsMatch(spec.DatasetA ?? ""))
        {
            problems.Add($"datasetA: '{spec.DatasetA}' must name an imported data set (letters, digits, '.', '_', '-').");
        }
        if (spec.DatasetB is not null && !SafeName().IsMatch(spec.DatasetB))
        {
            problems.Add($"datasetB: '{spec.DatasetB}' must name an imported data set (letters, digits, '.', '_', '-').");
        }
        if (spec.CheckpointsKept < 1)
        {
            problems.Add($"checkpointsKept: {spec.CheckpointsKept} must be at least 1.");
        }
        if (spec.MaxAttempts is < 1 or > 100)
        {
            problems.Add($"maxAttempts: {spec.MaxAttempts} must be from 1 to 100 (failed attempts before a run stays Failed).");
        }
        if (spec.MaxConcurrentRuns is < 1)
        {
            problems.Add($"maxConcurrentRuns: {spec.MaxConcurrentRuns} must be at least 1, or left out for no limit.");
        }
    }

    private static void CheckCells(SweepSpec spec, List<string> problems)
    {
        if (spec.Approaches.Count == 0)
        {
            problems.Add($"approaches: empty; allowed: {AllowedApproaches}.");
        }
        var parsed = new List<Approach>();
        for (var i = 0; i < spec.Approaches.Count; i++)
        {
            try
            {
                parsed.Add(Approach.Parse(spec.Approaches[i]));
            }
            catch (FormatException)
            {
                problems.Add($"approaches[{i}]: unknown approach '{spec.Approaches[i]}'; allowed: {AllowedApproaches}.");
            }
        }
        if (parsed.Distinct().Count() != parsed.Count)
        {
            problems.Add("approaches: an approach is listed twice.");
        }
        var needsB = parsed.Where(a => a.UsesSupplement).Select(a => a.Name).ToArray();
        if (needsB.Length > 0 && string.IsNullOrWhiteSpace(spec.DatasetB))
        {
            problems.Add($"datasetB: required by {string.Join(", ", needsB)}, which draw adult images from B.");
        }

        CheckList("trainFractions", spec.TrainFractions, f => f is > 0 and < 1, "a fraction between 0 and 1 (0.5 = 50%)", problems);
        CheckList("augmentationRatios", spec.AugmentationRatios, r => r is >= 1 and <= 1000, "an integer from 1 to 1000", problems);
        if (spec.Repetitions is < 1 or > 1000)
        {
            problems.Add($"repetitions: {spec.Repetitions} must be from 1 to 1000.");
        }
    }

    private static void CheckNetwork(NetworkSpec network, List<string> problems)
    {
        if (!Stems.Contains(network.Stem))
        {
            problems.Add($"network.stem: '{network.Stem}' is not allowed; allowed: {string.Join(", ", Stems)}.");
        }
        if (network.Width is < 1 or > 512)
        {
            problems.Add($"network.width: {network.Width} must be from 1 to 512 (ResNet-18: 64).");
        }
        if (network.ProjectionHidden < 1 || network.EmbeddingSize < 1)
        {
            problems.Add("network.projectionHidden and network.embeddingSize must be at least 1.");
        }
    }

    private static void CheckTraining(TrainingSpec training, List<string> problems)
    {
        if (training.Epochs < 1 || training.ProbeEpochs < 1)
        {
            problems.Add($"training.epochs ({training.Epochs}) and training.probeEpochs ({training.ProbeEpochs}) must be at least 1.");
        }
        if (training.BatchSize < 2 || training.BatchSize % 2 != 0)
        {
            problems.Add($"training.batchSize: {training.BatchSize} must be even and at least 2 (b/2 images, two views each).");
        }
        if (training.LearningRate <= 0 || training.ProbeLearningRate <= 0)
        {
            problems.Add("training.learningRate and training.probeLearningRate must be positive.");
        }
        if (training.Momentum is < 0 or >= 1 || training.WeightDecay < 0)
        {
            problems.Add("training.momentum must be in [0, 1) and training.weightDecay at least 0.");
        }
        if (training.SupConTemperature <= 0 || training.SimClrTemperature <= 0 || training.BaseTemperature <= 0)
        {
            problems.Add("training temperatures (supConTemperature, simClrTemperature, baseTemperature) must be positive.");
        }
        if (!MixedPrecisionModes.Names.Contains(training.MixedPrecision))
        {
            problems.Add($"training.mixedPrecision: '{training.MixedPrecision}' is not allowed; allowed: "
                + $"{string.Join(", ", MixedPrecisionModes.Names)}.");
        }
    }

    private static void CheckAugmentation(AugmentationSpec augmentation, List<string> problems)
    {
        if (augmentation.CropScaleMin is <= 0 or > 1 || augmentation.CropScaleMax is <= 0 or > 1
            || augmentation.CropScaleMin > augmentation.CropScaleMax)
        {
            problems.Add($"augmentation.cropScaleMin ({augmentation.CropScaleMin}) and cropScaleMax ({augmentation.CropScaleMax}) must satisfy 0 < min <= max <= 1.");
        }
        if (augmentation.FlipProbability is < 0 or > 1 || augmentation.JitterProbability is < 0 or > 1)
        {
            problems.Add("augmentation.flipProbability and augmentation.jitterProbability must be in [0, 1].");
        }
        if (augmentation.Brightness is < 0 or > 1 || augmentation.Contrast is < 0 or > 1)
        {
            problems.Add("augmentation.brightness and augmentation.contrast must be in [0, 1].");
        }
    }

    private static void CheckList<T>(string field, IReadOnlyList<T> values, Func<T, bool> valid, string rule, List<string> problems)
    {
        if (values.Count == 0)
        {
            problems.Add($"{field}: empty; each entry must be {rule}.");
        }
        for (var i = 0; i < values.Count; i++)
        {
            if (!valid(values[i]))
            {
                problems.Add($"{field}[{i}]: {values[i]} is not allowed; each entry must be {rule}.");
            }
        }
        if (values.Distinct().Count() != values.Count)
        {
            problems.Add($"{field}: a value is listed twice.");
        }
    }

    private static string AllowedApproaches => string.Join(", ", Approach.All.Select(a => a.Name));

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SafeName();
}
