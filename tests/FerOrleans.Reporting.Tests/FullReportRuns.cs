namespace FerOrleans.Reporting.Tests;

/// <summary>
/// A sweep with confusion matrices, a partial configuration and a reference Mann-Whitney case, for the tests of
/// the whole report folder.
/// </summary>
internal static class FullReportRuns
{
    public const string Children = "SC(c)";
    public const string Augmented = "SC(c<-a)";

    // scipy 1.10.1: mannwhitneyu(x, y) on these samples gives U = 33, exact two-sided p = 2/198.
    public const string ReferenceCaseName = "mwu008_two-sided_n5_m7";

    public static ReportInput Input()
    {
        MannWhitneyCase reference = MannWhitneyUTests.LoadCases().Single(c => c.Name == ReferenceCaseName);
        List<RunRecord> runs = [];

        // Split 70%, ratio 5: SC(c<-a) takes the reference x, SC(c) the reference y.
        for (int k = 0; k < reference.X.Length; k++)
        {
            runs.Add(Completed(Augmented, 5, k, reference.X[k], ["happy", "neutral"], [[3, 1], [0, 4]]));
        }

        for (int k = 0; k < reference.Y.Length; k++)
        {
            // One run lists its classes the other way round; summing must match them by name.
            bool reversed = k == 3;
            runs.Add(Completed(Children, 5, k, reference.Y[k],
                reversed ? ["neutral", "happy"] : ["happy", "neutral"],
                reversed ? [[3, 1], [2, 2]] : [[2, 2], [1, 3]]));
        }

        // Split 70%, ratio 1: SC(c<-a) has 3 repetitions; SC(c) 1 completed, 1 failed and 1 still running.
        double[] ratioOne = [0.60, 0.62, 0.64];
        for (int k = 0; k < ratioOne.Length; k++)
        {
            runs.Add(Completed(Augmented, 1, k, ratioOne[k], ["happy", "neutral"], [[4, 0], [1, 3]]));
        }

        runs.Add(Completed(Children, 1, 0, 0.58, ["happy", "neutral"], [[3, 1], [1, 3]]));
        runs.Add(Run(Children, 1, 1, "Failed") with { Error = "loss is NaN, the run stopped" });
        runs.Add(Run(Children, 1, 2, "Running") with { Phase = "contrastive", Epoch = 3 });

        return new ReportInput(
            "full sweep",
            "full-sweep",
            "london-a",
            "london-b",
            Synthetic: false,
            runs,
            new DateTimeOffset(2026, 12, 4, 3, 0, 0, TimeSpan.Zero),
            new Dictionary<string, string> { ["epochs"] = "5", ["stem"] = "imagenet", ["seed"] = "1" });
    }

    private static RunRecord Completed(string approach, int ratio, int repetition, double test, string[] classes,
        int[][] confusion) => Run(approach, ratio, repetition, RunStates.Completed) with
        {
            TestAccuracy = test,
            ValidationAccuracy = Math.Min(1.0, test + 0.02),
            BestEpoch = 4,
            DurationSeconds = 12.25 + repetition,
            Device = "cpu",
            ClassNames = classes,
            TestConfusion = [.. confusion.Select(row => (IReadOnlyList<int>)row)],
            Steps = 40,
            Attempts = 1,
            Phase = "probe",
            Epoch = 5,
        };

    private static RunRecord Run(string approach, int ratio, int repetition, string state) => new(
        $"full-sweep/{approach}-s70-r{ratio}-k{repetition}",
        approach,
        0.7,
        ratio,
        repetition,
        1 + repetition,
        state,
        null,
        null,
        null,
        null,
        null,
        null);
}
