namespace FerOrleans.Reporting.Tests;

/// <summary>A small hand-made sweep whose statistics are worked out by hand in the tests.</summary>
internal static class SampleRuns
{
    public const string FailedRunError = "CUDA out of memory | retried 2 times";

    public static ReportInput Input(bool synthetic) => new(
        "hand-made sweep",
        "sweep-0001",
        "CAFE",
        "FER2013",
        synthetic,
        Runs(),
        new DateTimeOffset(2026, 3, 1, 12, 30, 0, TimeSpan.Zero),
        new Dictionary<string, string> { ["stem"] = "cifar", ["epochs"] = "250", ["width"] = "64" });

    public static IReadOnlyList<RunRecord> Runs()
    {
        List<RunRecord> runs = [];

        // Split 50%, ratio 20: SC(c<-a) has mean 0.71 and beats SC(c+a) (mean 0.671) in 24 of 25 pairs.
        AddCompleted(runs, "SC(c+a)", 0.5, 20, [0.66, 0.68, 0.67, 0.695, 0.65]);
        AddCompleted(runs, "SC(c<-a)", 0.5, 20, [0.70, 0.72, 0.71, 0.69, 0.73]);
        AddCompleted(runs, "SL(c)", 0.5, 20, [0.60, 0.62, 0.61]);
        runs.Add(Run("SL(c)", 0.5, 20, 3, "Failed", null, null, FailedRunError));
        runs.Add(Run("UC(c)", 0.5, 20, 0, RunStates.Completed, null, 0.4, null));

        // Split 50%, ratio 1: too few repetitions for a meaningful test.
        AddCompleted(runs, "SC(c<-a)", 0.5, 1, [0.60]);
        AddCompleted(runs, "SC(c+a)", 0.5, 1, [0.62, 0.64]);

        // Split 70%: an approach outside ApproachOrder's list. Split 90%: a single approach.
        AddCompleted(runs, "Baseline", 0.7, 1, [0.5]);
        AddCompleted(runs, "SL(c)", 0.9, 5, [0.75, 0.77]);
        return runs;
    }

    private static void AddCompleted(List<RunRecord> runs, string approach, double split, int ratio, double[] test)
    {
        for (int repetition = 0; repetition < test.Length; repetition++)
        {
            double validation = test[repetition] + 0.01;
            runs.Add(Run(approach, split, ratio, repetition, RunStates.Completed, test[repetition], validation, null));
        }
    }

    private static RunRecord Run(
        string approach, double split, int ratio, int repetition, string state, double? test, double? validation,
        string? error) => new(
            $"{approach}-{split}-{ratio}-{repetition}",
            approach,
            split,
            ratio,
            repetition,
            1000 + repetition,
            state,
            validation,
            test,
            test.HasValue ? 180 : null,
            test.HasValue ? 3600.5 : null,
            "cuda:0",
            error);
}
