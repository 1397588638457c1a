using System.Globalization;
using FerOrleans.Learning.Data;
using FerOrleans.Learning.Training;
using FerOrleans.Storage;
using Spectre.Console.Cli;
using TorchSharp;

namespace FerOrleans.Cli.Commands.Bench;

/// <summary>
/// <c>fer bench run</c>: trains one run and splits its wall time into the time before the first
/// step, the steps, the epoch ends (checkpoints, validation) and the time from the last step to the
/// stored result, each as a share of the whole.
/// </summary>
/// <remarks>
/// Checkpoints, the model and the result go to a local folder store in a temporary folder, as in
/// the embedded silo. Data-set loading is timed on its own: a silo loads a data set once for all its runs.
/// </remarks>
public sealed class BenchRunCommand : Command<BenchRunSettings>
{
    private const string RunId = "bench/run";

    public override int Execute(CommandContext context, BenchRunSettings settings, CancellationToken cancellationToken)
    {
        var config = settings.Config();
        torch.set_num_threads(settings.Threads);
        BenchOutput.Header($"Run overhead: {TrainingRunner.Describe(config)}, {settings.Stem} stem, width {settings.Width}, "
            + $"{settings.Epochs}+{settings.ProbeEpochs} epochs, b {settings.BatchSize}, {settings.Threads} thread(s), "
            + $"prefetch {settings.Prefetch}, mixed precision {settings.MixedPrecision}{(settings.Warm ? ", warm process" : "")}");

        var loadWatch = System.Diagnostics.Stopwatch.StartNew();
        var (a, b) = BenchData.Load(settings.Images, settings.SubjectsA);
        var split = BalancedSplitter.Split(a, config.TrainFraction, config.Seed, subjectDisjoint: true);
        var load = loadWatch.Elapsed;

        if (settings.Warm)
        {
            WarmUp(config, a, b, split, cancellationToken);
        }

        var folder = Directory.CreateTempSubdirectory("fer-bench-run-");
        try
        {
            var store = new LocalFolderBlobStore(folder.FullName);
            var checkpoints = new TimedCheckpointStore(store, RunId);
            var timeline = new RunTimeline();
            var runner = new TrainingRunner(config, a, b, split, TorchDevice.Select(), checkpoints, timeline)
            {
                PrefetchDepth = settings.Prefetch,
                CheckpointInterval = TimeSpan.FromSeconds(settings.CheckpointInterval),
            };
            var outcome = runner.Run(cancellationToken);
            var finished = timeline.Now;
            store.PutAsync($"runs/{RunId}/model.bin", outcome.Model, ct: cancellationToken).GetAwaiter().GetResult();
            store.PutAsync($"runs/{RunId}/result.json", System.Text.Encoding.UTF8.GetBytes(
                RunConfigJson.Serialize(new { outcome.ValidationAccuracy, outcome.TestAccuracy, outcome.TestConfusion })),
                ct: cancellationToken).GetAwaiter().GetResult();
            var stored = timeline.Now;

            Print(new RunBreakdown(timeline, finished, stored, checkpoints, load), outcome);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        return 0;
    }

    /// <summary>Trains one epoch of every phase of <paramref name="config"/> and discards it.</summary>
    private static void WarmUp(RunConfig config, FaceDataset a, FaceDataset b, SplitIndices split, CancellationToken cancellationToken)
    {
        var shortConfig = config with { Training = config.Training with { Epochs = 1, ProbeEpochs = 1 } };
        var runner = new TrainingRunner(shortConfig, a, b, split, TorchDevice.Select(), new InMemoryCheckpointStore());
        runner.Run(cancellationToken);
        Console.WriteLine("warm-up run (1+1 epochs) finished; measuring the next run in this process");
    }

    private static void Print(RunBreakdown run, RunOutcome outcome)
    {
        Console.WriteLine("| part | seconds | share of run |");
        Console.WriteLine("|---|---:|---:|");
        Row("data sets loaded and split (once per silo, not in the run)", run.Load.TotalSeconds, null);
        Row("start to first step (network built, checkpoint looked up)", run.BeforeFirstStep.TotalSeconds, run.Total);
        Row($"steps ({run.Timeline.Steps}, median {run.Timeline.MedianStep.TotalMilliseconds:0.0} ms)", run.Steps, run.Total);
        foreach (var (phase, median) in run.Timeline.MedianStepByPhase)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| of which {phase} steps: median {median.TotalMilliseconds:0.0} ms | - | - |"));
        }

        foreach (var (phase, ends) in run.Timeline.EpochEnds)
        {
            var what = phase == TrainingPhase.Contrastive ? "checkpoint" : "validation + checkpoint";
            Row($"{phase} epoch ends ({ends.Count}, {what})", ends.Sum(e => e.TotalSeconds), run.Total);
        }

        Row($"of which checkpoint stores ({run.Checkpoints.Saves}, {run.Checkpoints.Bytes / 1024} KiB last)",
            run.Checkpoints.SaveTime.TotalSeconds, run.Total);
        Row("last step to stored result (test, model, result)", run.AfterLastStep.TotalSeconds, run.Total);
        Row("whole run", run.Total, run.Total);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"overhead (start to first step + last step to result): {100 * run.OverheadShare:0.00}%; "
            + $"checkpointing ({run.CheckpointBasis}): {100 * run.CheckpointShare:0.00}%; "
            + $"test accuracy {outcome.TestAccuracy:P1}"));
    }

    private static void Row(string part, double seconds, double? total) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {part} | {seconds:0.000} | {(total is { } t ? $"{100 * seconds / t:0.00}%" : "-")} |"));
}
