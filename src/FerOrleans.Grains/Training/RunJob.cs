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
    RunJobContext context)
{
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
            var split = RunSplit.Derive(run, a);
            var progress = new RunProgressReporter(run, grain, context);
            var runner = new TrainingRunner(run.ToRunConfig(), a, b, split.Indices, context.Device, checkpoints, progress);

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

    private RunResult StoreOutcome(RunOutcome outcome, FaceDataset a, RunSplit split)
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
        context.Store.PutJsonAsync(StoreKeys.ModelCard(run.RunId), card).GetAwaiter().GetResult();

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
        context.Store.PutJsonAsync(StoreKeys.RunResult(run.RunId), result).GetAwaiter().GetResult();
        return result;
    }
}
