using System.Diagnostics;
using FerOrleans.Contracts.Runs;
using FerOrleans.Learning.Training;
using Microsoft.Extensions.Logging;

namespace FerOrleans.Grains.Training;

/// <summary>
/// Forwards training progress to the metrics at every step and to the run grain at the end of each epoch,
/// and in between at most once per <see cref="RunJobContext.ProgressInterval"/>.
/// </summary>
internal sealed class RunProgressReporter(RunDefinition run, IRunGrain grain, RunJobContext context)
    : IProgress<TrainingProgress>
{
    /// <summary>ETAs are capped at 30 days; a longer one only means too little progress to tell.</summary>
    private const double MaxEtaSeconds = 30 * 24 * 3600;

    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();
    private TimeSpan? _lastReport;
    private double? _startFraction;

    public void Report(TrainingProgress value)
    {
        var phase = value.Phase.ToString().ToLowerInvariant();
        if (value.Kind == ProgressKind.Step)
        {
            context.Metrics.RecordStep(run.RunId, phase, value.Epoch, value.Loss, value.LearningRate,
                value.ImagesPerSecond, run.Spec.Training.BatchSize);
        }
        var endOfEpoch = value.Kind == ProgressKind.EpochCompleted;
        if (!endOfEpoch && _lastReport is { } last && _sinceStart.Elapsed - last < context.ProgressInterval)
        {
            return;
        }

        _lastReport = _sinceStart.Elapsed;
        var fraction = Fraction(value);
        _startFraction ??= fraction;
        var done = fraction - _startFraction.Value;
        TimeSpan? remaining = done > 1e-3
            ? TimeSpan.FromSeconds(Math.Min(_sinceStart.Elapsed.TotalSeconds * (1 - fraction) / done, MaxEtaSeconds))
            : null;
        context.Metrics.RecordProgress(run.RunId, fraction, remaining);
        var report = new RunProgress
        {
            Phase = phase,
            Epoch = value.Epoch,
            TotalEpochs = value.TotalEpochs,
            Step = value.GlobalStep,
            StepsPerEpoch = value.StepsPerEpoch,
            Loss = value.Loss,
            ImagesPerSecond = value.ImagesPerSecond,
            ValidationAccuracy = value.ValidationAccuracy,
            Fraction = fraction,
            Remaining = remaining,
        };
        grain.ReportProgressAsync(report).ContinueWith(
            t => context.Logger.ProgressNotDelivered(t.Exception!, run.RunId),
            TaskContinuationOptions.OnlyOnFaulted);
    }

    /// <summary>Share of all epochs of all phases done; the probe follows contrastive training. Epochs count from 1.</summary>
    private double Fraction(TrainingProgress value)
    {
        var training = run.Spec.Training;
        var contrastive = Approach.Parse(run.Approach).Kind != ApproachKind.SL;
        var total = training.Epochs + (contrastive ? training.ProbeEpochs : 0);
        var offset = value.Phase == TrainingPhase.Probe ? training.Epochs : 0;
        var withinEpoch = value.Kind == ProgressKind.EpochCompleted || value.StepsPerEpoch == 0
            ? 1.0
            : (double)value.Step / value.StepsPerEpoch;
        return Math.Clamp((offset + Math.Max(0, value.Epoch - 1) + withinEpoch) / total, 0, 1);
    }
}
