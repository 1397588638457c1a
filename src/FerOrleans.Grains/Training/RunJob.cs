using FerOrleans.Contracts.Runs;
using FerOrleans.Learning.Data;
using FerOrleans.Learning.Evaluation;
using FerOrleans.Learning.Training;
using FerOrleans.Storage;
using Microsoft.Extensions.Logging;

namespace FerOrleans.Grains.Training;

/// <summary>Trains one run on the calling slot thread, then stores its model and result and reports back.</summary>
public sealed class RunJob(
    RunDefinition run,
    RunJobContext context) : IRunJob
{
    /// <inheritdoc />
    public void Execute(CancellationToken siloStopping, CancellationToken runCancelled)
    {
        var grain = context.Grains.GetGrain<IRunGrain>(run.RunId);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(siloStopping, runCancelled);
        context.Metrics.StartRun(run.RunId, run.SweepName, run.Approach);
        try
        {
            stop.Token.ThrowIfCancellationRequested();
            var checkpoints = new BlobCheckpointStore(
                context.Store, run.RunId, run.Spec.CheckpointsKept, context.StorageRetry, context.Metrics, context.Logger);
            var resumedFrom = checkpoints.LatestValidSequence();
            grain.ReportStartedAsync(context.SiloName, resumedFrom).GetAwaiter().GetResult();

            var a = context.Datasets.GetAsync(run.Spec.DatasetA).GetAwaiter().GetResult();
            var b = NeedsSupplement() ? context.Datasets.GetAsync(run.Spec.DatasetB!).GetAwaiter().GetResult() : null;
            var split = RunSplit.Derive(run, a);
            var progress = new RunProgressReporter(run, grain, context);
            var runner = new TrainingRunner(run.ToRunConfig(), a, b, split.Indices, context.Device, checkpoints, progress)
            {
                CheckpointInterval = TimeSpan.FromSeconds(run.Spec.Training.CheckpointIntervalSeconds),
            };

            var outcome = runner.Run(stop.Token);
            var result = StoreOutcome(outcome, a, split);
            grain.ReportCompletedAsync(result).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (siloStopping.IsCancellationRequested)
        {
            // The silo is stopping: the run stays as it is and resumes from its last checkpoint.
            context.Logger.RunCancelled(run.RunId);
        }
        catch (OperationCanceledException) when (runCancelled.IsCancellationRequested)
        {
            context.Logger.RunStoppedByCancel(run.RunId);
            grain.ReportCancelledAsync().GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            context.Logger.RunCrashed(ex, run.RunId);
            grain.ReportFailedAsync(Describe(ex)).GetAwaiter().GetResult();
        }
        finally
        {
            context.Metrics.EndRun(run.RunId);
        }
    }

    /// <summary>The error as the run records it, with what to do when the store was unreachable.</summary>
    private string Describe(Exception ex) => ex is StorageUnavailableException
        ? $"{ex.GetType().Name}: {ex.Message} Once the store is reachable, run `fer sweep rerun-failed {run.SweepName}`."
        : $"{ex.GetType().Name}: {ex.Message}";

    private bool NeedsSupplement() => Approach.Parse(run.Approach).UsesSupplement;

    private RunResult StoreOutcome(RunOutcome outcome, FaceDataset a, RunSplit split)
    {
        var modelKey = StoreKeys.Model(run.RunId);
        Put(modelKey, ct => context.Store.PutAsync(modelKey, outcome.Model, ct: ct));
        var card = new ModelCard(
            run.RunId,
            run.Approach,
            a.Name,
            a.IsSynthetic,
            context.DatasetPreprocessing(run.Spec.DatasetA),
            outcome.ClassLabels.Select(EmotionNames.Name).ToArray());
        Put(StoreKeys.ModelCard(run.RunId), ct => context.Store.PutJsonAsync(StoreKeys.ModelCard(run.RunId), card, ct: ct));

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
            Split = split.ToIds(a),
        };
        Put(StoreKeys.RunResult(run.RunId), ct => context.Store.PutJsonAsync(StoreKeys.RunResult(run.RunId), result, ct: ct));
        return result;
    }

    /// <summary>An unconditional write, retried after transient store errors; blocks the slot thread.</summary>
    private void Put(string key, Func<CancellationToken, Task<string>> write) =>
        StorageRetry.RunAsync(write, $"run {run.RunId}: writing '{key}'", context.StorageRetry).GetAwaiter().GetResult();
}
