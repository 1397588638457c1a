namespace FerOrleans.Reporting;

/// <summary>Checks the runs of a report input before any statistics are computed.</summary>
internal static class RunValidator
{
    /// <summary>Throws when a run has an invalid field or two runs share an id or a usable repetition.</summary>
    /// <exception cref="ArgumentException">The message names the run, the field, the value and the fix.</exception>
    public static void Validate(IReadOnlyList<RunRecord> runs)
    {
        HashSet<string> runIds = new(StringComparer.Ordinal);
        Dictionary<(string, double, int, int), string> usableRepetitions = [];
        foreach (RunRecord run in runs)
        {
            ValidateFields(run);
            if (!runIds.Add(run.RunId))
            {
                throw Invalid(run, $"run id '{run.RunId}' occurs twice; every run needs its own id");
            }

            if (!run.IsUsable())
            {
                continue;
            }

            var key = (run.Approach, run.TrainFraction, run.AugmentationRatio, run.Repetition);
            if (usableRepetitions.TryGetValue(key, out string? otherRunId))
            {
                throw Invalid(run, $"repetition {run.Repetition} of this configuration also completed as run "
                    + $"'{otherRunId}'; keep one completed run per repetition, or the statistics count it twice");
            }

            usableRepetitions.Add(key, run.RunId);
        }
    }

    private static void ValidateFields(RunRecord run)
    {
        if (string.IsNullOrWhiteSpace(run.RunId))
        {
            throw Invalid(run, "the run id is empty");
        }

        if (string.IsNullOrWhiteSpace(run.Approach))
        {
            throw Invalid(run, "the approach is empty; expected an acronym such as SC(c<-a)");
        }

        if (!(run.TrainFraction > 0 && run.TrainFraction <= 1))
        {
            throw Invalid(run, $"train fraction {run.TrainFraction} is not in (0, 1]; give the split as a fraction, "
                + "for example 0.5 for 50%");
        }

        if (run.AugmentationRatio < 1)
        {
            throw Invalid(run, $"augmentation ratio {run.AugmentationRatio} is below 1");
        }

        CheckAccuracy(run, run.TestAccuracy, "test accuracy");
        CheckAccuracy(run, run.ValidationAccuracy, "validation accuracy");
        if (run.DurationSeconds is double duration && !(duration >= 0 && double.IsFinite(duration)))
        {
            throw Invalid(run, $"duration {duration} s is not a finite non-negative number");
        }

        CheckConfusion(run);
    }

    // A matrix needs one row and one column per class name, counts of at least 0 and no repeated class.
    private static void CheckConfusion(RunRecord run)
    {
        if (run.TestConfusion is not { Count: > 0 } matrix)
        {
            return;
        }

        IReadOnlyList<string> classes = run.ClassNames ?? [];
        if (classes.Distinct(StringComparer.Ordinal).Count() != classes.Count)
        {
            throw Invalid(run, $"class names [{string.Join(", ", classes)}] repeat a name");
        }

        for (int row = 0; row < matrix.Count; row++)
        {
            if (matrix.Count != classes.Count || matrix[row].Count != classes.Count)
            {
                throw Invalid(run, $"the test confusion matrix is {matrix.Count} x {matrix[row].Count} but there "
                    + $"are {classes.Count} class names; it needs one row and one column per class");
            }

            if (matrix[row].Any(count => count < 0))
            {
                throw Invalid(run, $"row {row} of the test confusion matrix has a negative count");
            }
        }
    }

    private static void CheckAccuracy(RunRecord run, double? accuracy, string field)
    {
        if (accuracy is double value && !(value >= 0 && value <= 1))
        {
            throw Invalid(run, $"{field} {value} is not in [0, 1]; give accuracies as fractions, not percent");
        }
    }

    private static ArgumentException Invalid(RunRecord run, string problem) =>
        new($"Run '{run.RunId}' ({run.Approach}, split {run.TrainFraction}, ratio {run.AugmentationRatio}, "
            + $"repetition {run.Repetition}) is invalid: {problem}.", "input");
}
