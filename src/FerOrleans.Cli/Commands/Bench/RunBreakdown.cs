using FerOrleans.Learning.Training;

namespace FerOrleans.Cli.Commands.Bench;

/// <summary>The parts of one measured run's wall time, in seconds where not a <see cref="TimeSpan"/>.</summary>
public sealed record RunBreakdown(
    RunTimeline Timeline, TimeSpan Finished, TimeSpan Stored, TimedCheckpointStore Checkpoints, TimeSpan Load)
{
    /// <summary>Start to the start of the first step: the first step report minus one median step.</summary>
    public TimeSpan BeforeFirstStep => Timeline.FirstStepEnd - Timeline.MedianStep;

    /// <summary>Last step report to the stored result: test evaluation, model serialisation and the store writes.</summary>
    public TimeSpan AfterLastStep => Stored - Timeline.LastStepEnd;

    public double Total => Stored.TotalSeconds;

    /// <summary>Time between the first step's start and the last step's end spent in steps, epoch ends excluded.</summary>
    public double Steps =>
        (Timeline.LastStepEnd - BeforeFirstStep).TotalSeconds - Timeline.EpochEnds.Values.Sum(e => e.Sum(t => t.TotalSeconds));

    public double OverheadShare => (BeforeFirstStep + AfterLastStep).TotalSeconds / Total;

    /// <summary>
    /// Checkpoint cost of the run: the median contrastive epoch end, which is the checkpoint alone because that
    /// phase does not validate, times the run's epoch count. SL validates at every epoch end, so for SL it is
    /// the time of the checkpoint stores alone.
    /// </summary>
    /// <summary>What <see cref="CheckpointShare"/> measures, for the printed line.</summary>
    public string CheckpointBasis => Timeline.EpochEnds.ContainsKey(TrainingPhase.Contrastive)
        ? "contrastive epoch ends x all epochs"
        : "stores";

    public double CheckpointShare
    {
        get
        {
            var ends = Timeline.EpochEnds.TryGetValue(TrainingPhase.Contrastive, out var contrastive) ? contrastive : null;
            if (ends is null)
            {
                return Checkpoints.SaveTime.TotalSeconds / Total;
            }

            var median = StepMeasurement.Median(ends.Select(e => e.TotalSeconds).ToArray());
            return median * Timeline.EpochEnds.Values.Sum(e => e.Count) / Total;
        }
    }
}
