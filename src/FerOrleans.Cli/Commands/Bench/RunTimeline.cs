using System.Diagnostics;
using FerOrleans.Learning.Training;

namespace FerOrleans.Cli.Commands.Bench;

/// <summary>
/// Records when a run's progress reports arrive, on one stopwatch started with the timeline, so the
/// time before the first step, after the last step and at each epoch end can be told apart.
/// </summary>
/// <param name="onEpoch">Called after each end-of-epoch report, for example to sample memory.</param>
public sealed class RunTimeline(Action<TrainingProgress>? onEpoch = null) : IProgress<TrainingProgress>
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Dictionary<TrainingPhase, List<double>> phaseStepGaps = [];
    private TimeSpan? lastStepEnd;
    private bool epochJustEnded;

    /// <summary>Time from the start to the first step report, which marks the end of the first step.</summary>
    public TimeSpan FirstStepEnd { get; private set; }

    /// <summary>Time from the start to the last step report so far.</summary>
    public TimeSpan LastStepEnd => lastStepEnd ?? TimeSpan.Zero;

    public long Steps { get; private set; }

    /// <summary>Median time between consecutive step reports of one epoch: the time of one step.</summary>
    public TimeSpan MedianStep => phaseStepGaps.Count == 0
        ? TimeSpan.Zero
        : TimeSpan.FromMilliseconds(StepMeasurement.Median(phaseStepGaps.Values.SelectMany(gaps => gaps).ToArray()));

    /// <summary>Median step time of each phase that had two or more steps in one epoch.</summary>
    public IReadOnlyDictionary<TrainingPhase, TimeSpan> MedianStepByPhase => phaseStepGaps.ToDictionary(
        pair => pair.Key, pair => TimeSpan.FromMilliseconds(StepMeasurement.Median(pair.Value)));

    /// <summary>Per phase: time from an epoch's last step to its end-of-epoch report (validation, where the phase has one, and the checkpoint).</summary>
    public Dictionary<TrainingPhase, List<TimeSpan>> EpochEnds { get; } = [];

    /// <summary>Time since the start.</summary>
    public TimeSpan Now => clock.Elapsed;

    public void Report(TrainingProgress value)
    {
        var now = clock.Elapsed;
        if (value.Kind == ProgressKind.EpochCompleted)
        {
            if (!EpochEnds.TryGetValue(value.Phase, out var ends))
            {
                ends = [];
                EpochEnds[value.Phase] = ends;
            }

            ends.Add(now - LastStepEnd);
            epochJustEnded = true;
            onEpoch?.Invoke(value);
            return;
        }

        if (lastStepEnd is null)
        {
            FirstStepEnd = now;
        }
        else if (!epochJustEnded)
        {
            if (!phaseStepGaps.TryGetValue(value.Phase, out var gaps))
            {
                gaps = [];
                phaseStepGaps[value.Phase] = gaps;
            }

            gaps.Add((now - lastStepEnd.Value).TotalMilliseconds);
        }

        Steps++;
        lastStepEnd = now;
        epochJustEnded = false;
    }
}
