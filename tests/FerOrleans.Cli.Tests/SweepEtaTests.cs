using FerOrleans.Cli.Commands.Sweep;
using FerOrleans.Cli.Infrastructure;
using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;

namespace FerOrleans.Cli.Tests;

public sealed class SweepEtaTests
{
    private static readonly SweepSpec Spec = new()
    {
        Name = "s",
        DatasetA = "a",
        Approaches = ["SL(c)"],
        TrainFractions = [0.5],
        AugmentationRatios = [1],
    };

    [Fact]
    public void Remaining_QuarterInTenMinutes_EstimatesTwentyMore()
    {
        var eta = new SweepEta();

        Assert.Null(eta.Remaining(0.25, TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromMinutes(20), eta.Remaining(0.5, TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void Remaining_NoProgressSinceStart_ReturnsNull()
    {
        var eta = new SweepEta();
        eta.Remaining(0.4, TimeSpan.Zero);

        Assert.Null(eta.Remaining(0.4, TimeSpan.FromMinutes(5)));
        Assert.Equal(TimeSpan.Zero, eta.Remaining(1, TimeSpan.FromMinutes(6)));
    }

    [Fact]
    public void Fraction_MixedStates_CountsFinishedRunsAsDone()
    {
        var status = Status(
            Run(RunState.Completed),
            Run(RunState.Failed),
            Run(RunState.Running, new RunProgress { Phase = "supervised", Fraction = 0.5 }),
            Run(RunState.Queued));

        Assert.Equal(2.5 / 4, SweepEta.Fraction(status), 12);
    }

    [Fact]
    public void ExitCode_AllCompleted_IsZeroAndAnyFailedIsOne()
    {
        Assert.Equal(0, SweepOutcome.ExitCode(Status(Run(RunState.Completed), Run(RunState.Completed))));
        Assert.Equal(1, SweepOutcome.ExitCode(Status(Run(RunState.Completed), Run(RunState.Failed))));
    }

    [Fact]
    public void Summary_FailedRuns_AreCountedApart()
    {
        Assert.Equal("2/2 finished (1 failed), 100%", SweepWatcher.Summary(Status(Run(RunState.Completed), Run(RunState.Failed)), null));
        Assert.Equal("1/1 finished (1 failed), 100%", SweepWatcher.Summary(Status(Run(RunState.Failed)), null));
        Assert.Equal("1/2 finished, 50%", SweepWatcher.Summary(Status(Run(RunState.Completed), Run(RunState.Queued)), null));
    }

    private static SweepStatus Status(params RunStatus[] runs) => new()
    {
        Spec = Spec,
        Runs = runs,
    };

    private static RunStatus Run(RunState state, RunProgress? progress = null) => new()
    {
        Definition = new RunDefinition
        {
            RunId = $"s/{Guid.NewGuid():N}",
            SweepName = "s",
            Approach = "SL(c)",
            TrainFraction = 0.5,
            AugmentationRatio = 1,
            Repetition = 0,
            Seed = 1,
            Spec = Spec,
        },
        State = state,
        Progress = progress,
    };
}
