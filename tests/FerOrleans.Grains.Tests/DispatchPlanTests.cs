using FerOrleans.Contracts.Runs;
using FerOrleans.Grains.Placement;

namespace FerOrleans.Grains.Tests;

/// <summary>Which runs a sweep starts: the state of each run decides, with the explicit-start set and the cap.</summary>
public sealed class DispatchPlanTests
{
    private static readonly string[] Ids = ["s/a", "s/b", "s/c", "s/d", "s/e"];

    [Fact]
    public void Select_CancelledAndFailed_StartOnlyWhenNamedExplicitly()
    {
        var known = Known(RunState.Cancelled, RunState.Failed, RunState.Completed, RunState.Pending, RunState.Interrupted);

        var background = DispatchPlan.Select(Ids, known, maxConcurrentRuns: null, freeSlots: 10, new HashSet<string>());
        var resumed = DispatchPlan.Select(Ids, known, maxConcurrentRuns: null, freeSlots: 10, new HashSet<string> { "s/a", "s/b" });

        Assert.Equal(["s/d", "s/e"], background);
        Assert.Equal(["s/a", "s/b", "s/d", "s/e"], resumed);
    }

    [Fact]
    public void Select_Retrying_StartsOnlyOnceDue()
    {
        var due = Status("s/a", RunState.Retrying) with { NextRetryUtc = DateTimeOffset.UtcNow.AddMinutes(-1) };
        var later = Status("s/b", RunState.Retrying) with { NextRetryUtc = DateTimeOffset.UtcNow.AddHours(1) };
        var known = new Dictionary<string, RunStatus> { ["s/a"] = due, ["s/b"] = later };

        var plan = DispatchPlan.Select(["s/a", "s/b"], known, maxConcurrentRuns: null, freeSlots: 10, new HashSet<string>());

        Assert.Equal(["s/a"], plan);
    }

    [Fact]
    public void Select_CapWithRunsInFlight_StartsOnlyTheRemainder()
    {
        var known = Known(RunState.Running, RunState.Queued, RunState.Pending, RunState.Pending, RunState.Pending);

        var plan = DispatchPlan.Select(Ids, known, maxConcurrentRuns: 3, freeSlots: 10, new HashSet<string>());

        Assert.Equal(["s/c"], plan);
    }

    private static Dictionary<string, RunStatus> Known(params RunState[] states) =>
        Ids.Zip(states).ToDictionary(p => p.First, p => Status(p.First, p.Second));

    private static RunStatus Status(string runId, RunState state) => new()
    {
        Definition = new RunDefinition
        {
            RunId = runId,
            SweepName = "s",
            Approach = "SL(c)",
            TrainFraction = 0.5,
            AugmentationRatio = 1,
            Repetition = 0,
            Seed = 1,
            Spec = FaultSpecs.OneRun("s"),
        },
        State = state,
    };
}
