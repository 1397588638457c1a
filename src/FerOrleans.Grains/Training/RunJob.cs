using System.Diagnostics;
using System.Text.Json;
using FerOrleans.Contracts.Runs;
using FerOrleans.Learning.Data;
using FerOrleans.Learning.Evaluation;
using FerOrleans.Learning.Training;
using FerOrleans.Storage;
using Microsoft.Extensions.Logging;
using TorchSharp;

namespace FerOrleans.Grains.Training;

/// <summary>Trains one run on the calling slot thread, then stores its model and result and reports back.</summary>
public sealed class RunJob(
    RunDefinition run,
    RunJobContext context)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public void Execute(CancellationToken cancellationToken)
    {
        var grain = context.Grains.GetGrain<IRunGrain>(run.RunId);
        var checkpoints = new BlobCheckpointStore(
            context.Store, run.RunId, run.Spec.CheckpointsKept, context.Metrics, context.Logger);
        try
        {
            var resumedFrom = checkpoints.LatestSequence();
            grain.ReportStartedAsync(context.SiloName, resumedFrom).GetAwaiter().GetResult();

            var a = context.Datasets.GetAsync(run.Spec.DatasetA).GetAwaiter().GetResult();
            var b = NeedsSupplement() ? context.Datasets.GetAsync(run.Spec.DatasetB!).GetAwaiter().GetResult() : null;
            var split = BalancedSplitter.Split(a, run.TrainFraction, run.Seed, run.Spec.SubjectDisjoint);
            var progress = new RunProgressReporter(run, grain, context);
            var runner = new TrainingRunner(run.ToRunConfig(), a, b, split, context.Device, checkpoints, progress);

            var outcome = runner.Run(cancellationToken);
            var result = StoreOutcome(outcome, a, split);
            grain.ReportCompletedAsync(result).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The silo is stopping: the run stays as it is and resumes from its last checkpoint.
            context.Logger.RunCancelled(run.RunId);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            context.Logger.RunCrashed(ex, run.RunId);
            grain.ReportFailedAsync($"{ex.GetType().Name}: {ex.Message}").GetAwaiter().GetResult();
        }
        finally
        {
            context.Metrics.EndRun(run.RunId);
        }
    }

    private bool NeedsSupplement() => Approach.Parse(run.Approach).UsesSupplement;

    private RunResult StoreOutcome(RunOutcome outcome, FaceDataset a, SplitIndices split)
    {
        var modelKey = StoreKeys.Model(run.RunId);
        context.Store.PutAsync(modelKey, outcome.Model).GetAwaiter().GetResult();
        var card = new ModelCard(
            run.RunId,
            run.Approach,
            a.Name,
            a.IsSynthetic,
            context.DatasetPreprocessing(run.Spec.DatasetA),
            outcome.ClassLabels.Select(EmotionNames.Name).ToArray());
        context.Store.PutAsync(StoreKeys.ModelCard(run.RunId), JsonSerializer.SerializeToUtf8Bytes(card, Json))
            .GetAwaiter().GetResult();

        var result = new RunResult
        {
            ValidationAccuracy = outcome.ValidationAccuracy,
            TestAccuracy = outcome.TestAccuracy,
            ClassNames = card.ClassNames,
            TestConfusion = outcome.TestConfusion.Select(row => (IReadOnlyList<int>)row).ToArray(),
            BestEpoch = outcome.BestEpoch,
            Steps = outcome.Steps,
            DurationSeconds = outcome.Duration.TotalSeconds,
            Device = outcome.Device,
            ModelKey = modelKey,
            Split = new RunSplitIds
            {
                Train = split.Train.Select(i => a.ImageIds[i]).ToArray(),
                Validation = split.Validation.Select(i => a.ImageIds[i]).ToArray(),
                Test = split.Test.Select(i => a.ImageIds[i]).ToArray(),
            },
        };
        context.Store.PutAsync(StoreKeys.RunResult(run.RunId), JsonSerializer.SerializeToUtf8Bytes(result, Json))
            .GetAwaiter().GetResult();
        return result;
    }
}

/// <summary>What every run job of a silo shares.</summary>
public sealed record RunJobContext(
    IGrainFactory Grains,
    IBlobStore Store,
    DatasetCache Datasets,
    FerMetrics Metrics,
    torch.Device Device,
    string SiloName,
    TimeSpan ProgressInterval,
    Func<string, string> DatasetPreprocessing,
    ILogger Logger);

/// <summary>Metadata stored beside a model so that <c>fer predict</c> can use it without the cluster.</summary>
public sealed record ModelCard(
    string RunId,
    string Approach,
    string Dataset,
    bool Synthetic,
    string Preprocessing,
    IReadOnlyList<string> ClassNames);

/// <summary>Forwards training progress to the run grain and the metrics, at most once per interval.</summary>
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
            context.Metrics.RecordStep(run.RunId, run.Approach, phase, value.Epoch, value.Loss, value.ImagesPerSecond, run.Spec.Training.BatchSize);
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
