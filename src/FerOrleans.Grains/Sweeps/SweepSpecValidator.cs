using System.Globalization;
using System.Text.RegularExpressions;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Learning.Training;

namespace FerOrleans.Grains.Sweeps;

/// <summary>Checks a sweep spec before anything is stored; every problem names the field and what is allowed.</summary>
/// <remarks>Checks that need the imported data sets are in <see cref="SweepDatasetValidator"/>.</remarks>
public static partial class SweepSpecValidator
{
    /// <summary>Allowed values of <c>network.stem</c>.</summary>
    public static readonly IReadOnlyList<string> Stems = ["cifar", "imagenet"];

    /// <summary>Allowed values of <c>network.projectionHead</c>.</summary>
    public static readonly IReadOnlyList<string> ProjectionHeads = ["mlp", "linear"];

    /// <summary>Allowed values of <c>training.optimizer</c>.</summary>
    public static readonly IReadOnlyList<string> Optimizers = ["sgd"];

    /// <summary>Allowed values of <c>training.schedule</c>.</summary>
    public static readonly IReadOnlyList<string> Schedules = ["step", "cosine"];

    /// <summary>All problems of the spec; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new List<string>();
        CheckNames(spec, problems);
        CheckCells(spec, problems);
        CheckNetwork(spec.Network, problems);
        CheckTraining(spec.Training, problems);
        CheckSchedule(spec.Training, problems);
        CheckAugmentation(spec.Augmentation, problems);
        return problems;
    }

    /// <exception cref="ArgumentException">The spec has at least one problem; the message lists them all.</exception>
    public static void ThrowIfInvalid(SweepSpec spec) => ThrowIfAny(spec, Problems(spec));

    /// <exception cref="ArgumentException">
    /// <paramref name="problems"/> is not empty; the message names the sweep and lists them all.
    /// </exception>
    public static void ThrowIfAny(SweepSpec spec, IReadOnlyList<string> problems)
    {
        if (problems.Count > 0)
        {
            var separator = Environment.NewLine + "  - ";
            throw new ArgumentException($"Invalid sweep spec '{spec.Name}':{separator}{string.Join(separator, problems)}");
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
        CheckChoice("network.stem", network.Stem, Stems, problems);
        CheckChoice("network.projectionHead", network.ProjectionHead, ProjectionHeads, problems);
        if (network.Width is < 1 or > 512)
        {
            problems.Add($"network.width: {network.Width} must be from 1 to 512 (ResNet-18: 64).");
        }
        if (network.ProjectionHidden < 1)
        {
            problems.Add($"network.projectionHidden: {network.ProjectionHidden} must be at least 1 (SupCon: 512).");
        }
        if (network.EmbeddingSize < 1)
        {
            problems.Add($"network.embeddingSize: {network.EmbeddingSize} must be at least 1 (SupCon: 128).");
        }
    }

    private static void CheckTraining(TrainingSpec training, List<string> problems)
    {
        if (training.Epochs < 1)
        {
            problems.Add($"training.epochs: {training.Epochs} must be at least 1 (study: 250).");
        }
        if (training.ProbeEpochs < 1)
        {
            problems.Add($"training.probeEpochs: {training.ProbeEpochs} must be at least 1 (study: 50).");
        }
        if (training.BatchSize < 2 || training.BatchSize % 2 != 0)
        {
            problems.Add($"training.batchSize: {training.BatchSize} must be even and at least 2 (b/2 images, two views each).");
        }
        CheckChoice("training.optimizer", training.Optimizer, Optimizers, problems);
        CheckPositive("training.learningRate", training.LearningRate, "study: 0.05", problems);
        CheckPositive("training.probeLearningRate", training.ProbeLearningRate, "study: 1e-4", problems);
        if (!(training.Momentum is >= 0 and < 1))
        {
            problems.Add($"training.momentum: {Format(training.Momentum)} must be in [0, 1) (study: 0.9).");
        }
        if (!(training.WeightDecay >= 0) || double.IsInfinity(training.WeightDecay))
        {
            problems.Add($"training.weightDecay: {Format(training.WeightDecay)} must be a number >= 0 (study: 1e-4).");
        }
        CheckPositive("training.supConTemperature", training.SupConTemperature, "SupCon: 0.07", problems);
        CheckPositive("training.simClrTemperature", training.SimClrTemperature, "SimCLR: 0.5", problems);
        if (training.BaseTemperature is { } baseTemperature)
        {
            CheckPositive("training.baseTemperature", baseTemperature, "leave it out to use tau", problems);
        }
    }

    private static void CheckSchedule(TrainingSpec training, List<string> problems)
    {
        CheckChoice("training.schedule", training.Schedule, Schedules, problems);
        if (training.WarmupEpochs < 0 || (training.Epochs >= 1 && training.WarmupEpochs >= training.Epochs))
        {
            problems.Add(
                $"training.warmupEpochs: {training.WarmupEpochs} must be from 0 to training.epochs - 1 ({training.Epochs - 1}).");
        }
        if (!(training.CheckpointIntervalSeconds is >= 0 and <= 86400))
        {
            problems.Add(
                $"training.checkpointIntervalSeconds: {Format(training.CheckpointIntervalSeconds)} must be from 0 "
                + "(every epoch) to 86400.");
        }
        if (!(training.DecayRate is > 0 and <= 1))
        {
            problems.Add($"training.decayRate: {Format(training.DecayRate)} must be in (0, 1] (study: 0.1).");
        }
        var fractions = training.DecayFractions ?? [];
        for (var i = 0; i < fractions.Count; i++)
        {
            if (!(fractions[i] is >= 0 and <= 1))
            {
                problems.Add(
                    $"training.decayFractions[{i}]: {Format(fractions[i])} must be in [0, 1]; the rate drops at epoch n - f n "
                    + "(study: [0.3, 0.2, 0.1]).");
            }
        }
        if (!MixedPrecisionModes.Names.Contains(training.MixedPrecision))
        {
            problems.Add($"training.mixedPrecision: '{training.MixedPrecision}' is not allowed; allowed: "
                + $"{string.Join(", ", MixedPrecisionModes.Names)}.");
        }
    }

    private static void CheckAugmentation(AugmentationSpec augmentation, List<string> problems)
    {
        if (!(augmentation.CropScaleMin is > 0 and <= 1) || !(augmentation.CropScaleMax is > 0 and <= 1)
            || augmentation.CropScaleMin > augmentation.CropScaleMax)
        {
            problems.Add(
                $"augmentation.cropScaleMin ({Format(augmentation.CropScaleMin)}) and cropScaleMax "
                + $"({Format(augmentation.CropScaleMax)}) must satisfy 0 < min <= max <= 1 (SupCon: 0.2 and 1).");
        }
        CheckUnit("augmentation.flipProbability", augmentation.FlipProbability, "study: 0.5", problems);
        CheckUnit("augmentation.jitterProbability", augmentation.JitterProbability, "study: 0.8", problems);
        CheckUnit("augmentation.brightness", augmentation.Brightness, "study: 0.4", problems);
        CheckUnit("augmentation.contrast", augmentation.Contrast, "study: 0.4", problems);
    }

    private static void CheckChoice(string field, string? value, IReadOnlyList<string> allowed, List<string> problems)
    {
        if (value is null || !allowed.Contains(value, StringComparer.Ordinal))
        {
            problems.Add($"{field}: '{value}' is not allowed; allowed: {string.Join(", ", allowed)}.");
        }
    }

    private static void CheckPositive(string field, double value, string hint, List<string> problems)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            problems.Add($"{field}: {Format(value)} must be a number > 0 ({hint}).");
        }
    }

    private static void CheckUnit(string field, double value, string hint, List<string> problems)
    {
        if (!(value is >= 0 and <= 1))
        {
            problems.Add($"{field}: {Format(value)} must be in [0, 1] ({hint}).");
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

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string AllowedApproaches => string.Join(", ", Approach.All.Select(a => a.Name));

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SafeName();
}
