using System.Globalization;
using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Learning.Training;

namespace FerOrleans.Grains.Sweeps;

/// <summary>Turns a valid spec into its runs: approaches x splits x ratios x repetitions, in that order.</summary>
public static class SweepExpansion
{
    public static IReadOnlyList<RunDefinition> Expand(SweepSpec spec)
    {
        var runs = new List<RunDefinition>();
        foreach (var approach in spec.Approaches.Select(Approach.Parse))
        {
            foreach (var fraction in spec.TrainFractions)
            {
                foreach (var ratio in spec.AugmentationRatios)
                {
                    for (var repetition = 0; repetition < spec.Repetitions; repetition++)
                    {
                        runs.Add(new RunDefinition
                        {
                            RunId = RunId(spec.Name, approach, fraction, ratio, repetition),
                            SweepName = spec.Name,
                            Approach = approach.Name,
                            TrainFraction = fraction,
                            AugmentationRatio = ratio,
                            Repetition = repetition,
                            // One seed per repetition, shared by all approaches, so each approach sees the same splits.
                            Seed = spec.Seed + repetition,
                            Spec = spec,
                        });
                    }
                }
            }
        }
        return runs;
    }

    /// <summary><c>{sweep}/{approach}-s{percent}-r{ratio}-k{repetition}</c>, for example <c>quick/sc-c-from-a-s70-r5-k0</c>.</summary>
    public static string RunId(string sweep, Approach approach, double fraction, int ratio, int repetition)
    {
        var percent = (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture);
        return $"{sweep}/{Slug(approach)}-s{percent}-r{ratio}-k{repetition}";
    }

    private static string Slug(Approach approach)
    {
        var variant = approach.Variant switch
        {
            DataVariant.Children => "c",
            DataVariant.ChildrenPlusAdults => "c-plus-a",
            DataVariant.ChildrenAugmentedByAdults => "c-from-a",
            _ => throw new ArgumentOutOfRangeException(nameof(approach), approach.Variant, null),
        };
        return $"{approach.Kind.ToString().ToLowerInvariant()}-{variant}";
    }
}
