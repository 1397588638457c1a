using System.Diagnostics;
using System.Globalization;
using FerOrleans.Learning.Augmentation;
using FerOrleans.Learning.Batches;
using FerOrleans.Learning.Data;
using FerOrleans.Learning.Network;
using FerOrleans.Learning.Training;
using Spectre.Console.Cli;
using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Cli.Commands.Bench;

/// <summary>
/// <c>fer bench pipeline</c>: contrastive training throughput (views per second) of pure steps on one
/// ready batch, of whole epochs with batches prefetched, and of whole epochs with batches built
/// between the steps, measured in turn in every round.
/// </summary>
public sealed class BenchPipelineCommand : Command<BenchPipelineSettings>
{
    public override int Execute(CommandContext context, BenchPipelineSettings settings, CancellationToken cancellationToken)
    {
        var config = settings.Config();
        torch.set_num_threads(settings.Threads);
        BenchOutput.Header($"Input pipeline: {TrainingRunner.Describe(config)}, {settings.Stem} stem, width {settings.Width}, "
            + $"b {settings.BatchSize}, {settings.MeasureEpochs} epoch(s) per measurement, {settings.Threads} thread(s), "
            + $"prefetch depth {settings.PrefetchedDepth}");
        var (a, b) = BenchData.Load(settings.Images, settings.SubjectsA);
        var split = BalancedSplitter.Split(a, config.TrainFraction, config.Seed, subjectDisjoint: true);
        var builder = Builder(config, a, b, split);

        torch.manual_seed(1);
        using var encoder = new ResNet18(config.Network);
        using var head = new ProjectionHead(config.Network);
        var training = config.Training;
        using var optimizer = new MomentumSgd(
            encoder.parameters().Concat(head.parameters()), training.LearningRate, training.Momentum, training.WeightDecay);
        var network = new PipelineNetwork(encoder, head, optimizer, training.SupConTemperature);

        var pure = new List<double>();
        var prefetched = new List<double>();
        var direct = new List<double>();
        Run(network, builder, 0, 1, depth: settings.PrefetchedDepth);                                        // warm-up
        for (var round = 0; round < settings.Rounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The order rotates every round, so a drift in the machine's speed does not favour one measurement.
            Action[] measurements =
            [
                () => pure.Add(PureSteps(network, builder, settings.MeasureEpochs)),
                () => prefetched.Add(Run(network, builder, 1, 1 + settings.MeasureEpochs, settings.PrefetchedDepth)),
                () => direct.Add(Run(network, builder, 1, 1 + settings.MeasureEpochs, depth: 0)),
            ];
            for (var i = 0; i < measurements.Length; i++)
            {
                measurements[(round + i) % measurements.Length]();
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round + 1}: pure {pure[^1]:0.0}, prefetched {prefetched[^1]:0.0}, direct {direct[^1]:0.0} views/s"));
        }

        Print(pure, prefetched, direct, builder.StepsPerEpoch);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"building one batch alone (augmentation and assembly, one thread): {BuildMilliseconds(builder):0.00} ms median"));
        return 0;
    }

    private static void Print(List<double> pure, List<double> prefetched, List<double> direct, int stepsPerEpoch)
    {
        var pureMedian = StepMeasurement.Median(pure);
        Console.WriteLine($"| measurement ({stepsPerEpoch} steps per epoch) | median views/s | share of pure-step throughput |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, values) in new[] { ("pure steps, one ready batch", pure), ("epochs, prefetched", prefetched),
                     ("epochs, built between steps", direct) })
        {
            var median = StepMeasurement.Median(values);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {median:0.0} | {100 * median / pureMedian:0.0}% |"));
        }
    }

    private static double BuildMilliseconds(IBatchBuilder builder)
    {
        var times = new List<double>();
        for (var step = 0; step < builder.StepsPerEpoch; step++)
        {
            var watch = Stopwatch.StartNew();
            builder.Build(0, step, torch.CPU).Dispose();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return StepMeasurement.Median(times);
    }

    /// <summary>Steps on one batch built beforehand, as many as <paramref name="epochs"/> epochs have; returns views per second.</summary>
    private static double PureSteps(PipelineNetwork network, IBatchBuilder builder, int epochs)
    {
        using var batch = builder.Build(0, 0, torch.CPU);
        using var labels = Labels(batch);
        var steps = epochs * builder.StepsPerEpoch;
        var watch = Stopwatch.StartNew();
        for (var step = 0; step < steps; step++)
        {
            network.Step(batch.Images, labels);
        }

        return steps * batch.ViewCount / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Trains epochs <paramref name="first"/> to <paramref name="end"/> - 1 with real batches; returns views per second.</summary>
    private static double Run(PipelineNetwork network, IBatchBuilder builder, int first, int end, int depth)
    {
        var watch = Stopwatch.StartNew();
        long views = 0;
        using var batches = new BatchPrefetcher(builder, first, end, torch.CPU, depth);
        for (var epoch = first; epoch < end; epoch++)
        {
            for (var step = 0; step < builder.StepsPerEpoch; step++)
            {
                using var batch = batches.Next(epoch, step);
                using var labels = Labels(batch);
                network.Step(batch.Images, labels);
                views += batch.ViewCount;
            }
        }

        return views / watch.Elapsed.TotalSeconds;
    }

    private static Tensor Labels(TrainingBatch batch) =>
        torch.tensor(batch.Labels.Select(label => (long)label).ToArray());

    /// <summary>The contrastive batches of the run, as the training runner builds them.</summary>
    private static IBatchBuilder Builder(RunConfig config, FaceDataset a, FaceDataset b, SplitIndices split)
    {
        var augmenter = new ImageAugmenter(config.Augmentation, a.ImageSize);
        var supplement = config.Approach.UsesSupplement ? b : null;
        var batchSize = config.Training.BatchSize;
        return config.Approach.Variant == DataVariant.ChildrenAugmentedByAdults
            ? new AdultPairBatchBuilder(a, split.Train, b, batchSize, config.AugmentationRatio, augmenter, config.Seed)
            : new TwoViewBatchBuilder(a, split.Train, supplement, batchSize, config.AugmentationRatio, augmenter, config.Seed);
    }

    private sealed record PipelineNetwork(ResNet18 Encoder, ProjectionHead Head, MomentumSgd Optimizer, double Tau)
    {
        public void Step(Tensor images, Tensor labels) => StepBenchmark.TrainStep(Encoder, Head, Optimizer, images, labels, Tau);
    }
}
