using FerOrleans.Contracts.Runs;

namespace FerOrleans.Cli.Commands.Run;

/// <summary>The tab-separated text form of a run's split: one <c>part TAB image id</c> line per image.</summary>
public static class RunSplitLines
{
    /// <summary>Lists the training, then the validation, then the test images, each part in its stored order.</summary>
    public static IEnumerable<string> Format(RunSplitIds split)
    {
        ArgumentNullException.ThrowIfNull(split);
        var parts = new (string Name, IReadOnlyList<string> Ids)[]
        {
            ("train", split.Train), ("validation", split.Validation), ("test", split.Test),
        };
        return parts.SelectMany(part => part.Ids.Select(id => $"{part.Name}\t{id}"));
    }

    /// <summary>Returns a one-line summary: image counts per part and the subject rule.</summary>
    public static string Summary(string runId, RunSplitIds split) =>
        $"Run {runId}: {split.Train.Count} training, {split.Validation.Count} validation, {split.Test.Count} test "
        + $"images, {(split.SubjectDisjoint ? "subject-disjoint" : "split image by image")}.";
}
