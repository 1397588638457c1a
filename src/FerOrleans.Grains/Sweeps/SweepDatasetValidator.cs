using FerOrleans.Contracts.Datasets;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Learning.Training;

namespace FerOrleans.Grains.Sweeps;

/// <summary>
/// Checks a valid sweep spec against its imported data sets before any run is created: label coverage of B
/// and the sizes of the split parts, so that no run fails on them hours into the sweep.
/// </summary>
public static class SweepDatasetValidator
{
    /// <summary>All problems of <paramref name="spec"/> with these data sets; empty when there are none.</summary>
    /// <param name="b">Data set B, or null when no approach of the spec uses it.</param>
    public static IReadOnlyList<string> Problems(SweepSpec spec, DatasetDescriptor a, DatasetDescriptor? b)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(a);
        var approaches = spec.Approaches.Select(Approach.Parse).ToArray();
        var problems = new List<string>();
        if (b is not null)
        {
            CheckLabelCoverage(approaches, a, b, problems);
        }

        foreach (var fraction in spec.TrainFractions)
        {
            CheckSplitSizes(spec, approaches, fraction, a, problems);
        }

        return problems;
    }

    /// <summary>(c+a) and (c&lt;-a) draw B images by the labels of A, so B must have every label of A.</summary>
    private static void CheckLabelCoverage(Approach[] approaches, DatasetDescriptor a, DatasetDescriptor b, List<string> problems)
    {
        var usingB = approaches.Where(x => x.UsesSupplement).Select(x => x.Name).ToArray();
        var missing = a.CountsPerLabel.Keys
            .Where(label => !b.CountsPerLabel.TryGetValue(label, out var count) || count == 0)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (usingB.Length > 0 && missing.Length > 0)
        {
            problems.Add(
                $"datasetB: '{b.Name}' has no images labelled {string.Join(", ", missing)}, which A '{a.Name}' has; "
                + $"{string.Join(", ", usingB)} draw images of B by the labels of A, so B needs every label of A. "
                + "Import a B that covers them or remove those approaches.");
        }
    }

    /// <summary>
    /// Checks the balanced split of A at <paramref name="fraction"/>: at least one training image per class, enough
    /// distinct training images for one batch, and images left for validation and test. A subject-disjoint split
    /// only approximates the per-class target, so for it these counts are estimates.
    /// </summary>
    private static void CheckSplitSizes(
        SweepSpec spec, Approach[] approaches, double fraction, DatasetDescriptor a, List<string> problems)
    {
        if (a.CountsPerLabel.Count == 0)
        {
            problems.Add($"datasetA: '{a.Name}' has no labelled images.");
            return;
        }

        var minority = a.CountsPerLabel.MinBy(p => p.Value);
        var perClass = (int)Math.Round(fraction * minority.Value, MidpointRounding.AwayFromZero);
        if (perClass == 0)
        {
            problems.Add(
                $"trainFractions: {fraction} x {minority.Value} images of the smallest class '{minority.Key}' of "
                + $"'{a.Name}' rounds to 0 training images. Raise the fraction or import more images.");
            return;
        }

        var train = perClass * a.CountsPerLabel.Count;
        var needed = approaches.Select(x => TargetImagesPerStep(x, spec.Training.BatchSize)).DefaultIfEmpty(0).Max();
        if (train < needed)
        {
            problems.Add(
                $"training.batchSize: {spec.Training.BatchSize} needs {needed} distinct training images of A per batch, "
                + $"but a {fraction} split of '{a.Name}' has {train} ({perClass} per class). Lower the batch size or "
                + "raise the fraction.");
        }

        if (a.Count - train < 2)
        {
            problems.Add(
                $"trainFractions: a {fraction} split of '{a.Name}' leaves {a.Count - train} images for validation and "
                + "test; each needs at least one. Lower the fraction.");
        }
    }

    /// <summary>
    /// Distinct images of A in the largest batch of a run: b/2 rounded up for SL(c+a), whose batches are half B,
    /// and b for the others (SL(c), and the linear probe of SC and UC).
    /// </summary>
    private static int TargetImagesPerStep(Approach approach, int batchSize) =>
        approach.Kind == ApproachKind.SL && approach.UsesSupplement ? (batchSize + 1) / 2 : batchSize;
}
