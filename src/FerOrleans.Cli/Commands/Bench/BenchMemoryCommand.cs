using System.Diagnostics;
using System.Globalization;
using FerOrleans.Learning.Data;
using FerOrleans.Learning.Training;
using Spectre.Console.Cli;
using TorchSharp;

namespace FerOrleans.Cli.Commands.Bench;

/// <summary>
/// <c>fer bench memory</c>: trains one run and prints the process's resident memory every N epochs,
/// then the growth from the end of the warm-up epochs to the end of training.
/// </summary>
/// <remarks>A tensor that no dispose scope frees keeps its native memory until the GC finalises it, which shows as growth here.</remarks>
public sealed class BenchMemoryCommand : Command<BenchMemorySettings>
{
    public override int Execute(CommandContext context, BenchMemorySettings settings, CancellationToken cancellationToken)
    {
        var config = settings.Config();
        torch.set_num_threads(settings.Threads);
        BenchOutput.Header($"Resident memory: {TrainingRunner.Describe(config)}, {settings.Stem} stem, width {settings.Width}, "
            + $"{settings.Epochs}+{settings.ProbeEpochs} epochs, b {settings.BatchSize}, prefetch {settings.Prefetch}");
        var (a, b) = BenchData.Load(settings.Images, settings.SubjectsA);
        var split = BalancedSplitter.Split(a, config.TrainFraction, config.Seed, subjectDisjoint: true);

        var samples = new List<(int Epoch, double Rss)>();
        Console.WriteLine("| phase | epoch | RSS MiB | managed heap MiB |");
        Console.WriteLine("|---|---:|---:|---:|");
        var timeline = new RunTimeline(progress =>
        {
            var epoch = progress.Phase == TrainingPhase.Probe ? config.Training.Epochs + progress.Epoch : progress.Epoch;
            if (progress.Epoch % settings.Every != 0 && progress.Epoch != progress.TotalEpochs && epoch != settings.WarmupEpochs)
            {
                return;
            }

            var rss = ResidentMiB();
            samples.Add((epoch, rss));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {progress.Phase} | {progress.Epoch} | {rss:0.0} | {GC.GetTotalMemory(false) / 1048576.0:0.0} |"));
        });

        var runner = new TrainingRunner(config, a, b, split, torch.CPU, new InMemoryCheckpointStore(), timeline)
        {
            PrefetchDepth = settings.Prefetch,
        };
        runner.Run(cancellationToken);

        var start = samples.First(s => s.Epoch >= settings.WarmupEpochs);
        var end = samples[^1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RSS growth from epoch {start.Epoch} to the end: {start.Rss:0.0} -> {end.Rss:0.0} MiB "
            + $"({100 * (end.Rss - start.Rss) / start.Rss:+0.0;-0.0}%)"));
        return 0;
    }

    private static double ResidentMiB()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / 1048576.0;
    }
}
