using FerOrleans.Learning.Augmentation;
using FerOrleans.Learning.Batches;
using FerOrleans.Learning.Data;
using FerOrleans.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Tests;

public sealed class BatchPrefetcherTests
{
    private const int BatchSize = 32;
    private const int Seed = 23;

    private static readonly FaceDataset Children = StripePatterns.Create("children", perClass: 10, seed: 1);
    private static readonly ImageAugmenter Augmenter = new(new AugmentationOptions(), StripePatterns.Size);
    private static readonly int[] Train = StripePatterns.Split(Children, train: 5).Train;

    public BatchPrefetcherTests() => TorchSetup.UseOneThread();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Next_TwoEpochs_MatchesBatchesBuiltDirectly(int depth)
    {
        var reference = Builder();
        using var prefetcher = new BatchPrefetcher(Builder(), firstEpoch: 1, endEpoch: 3, torch.CPU, depth);

        for (var epoch = 1; epoch < 3; epoch++)
        {
            for (var step = 0; step < reference.StepsPerEpoch; step++)
            {
                using var expected = reference.Build(epoch, step, torch.CPU);
                using var actual = prefetcher.Next(epoch, step);

                Assert.Equal(expected.Sources, actual.Sources);
                Assert.Equal(expected.Labels, actual.Labels);
                Assert.True(expected.Images.equal(actual.Images).all().item<bool>(), $"pixels of epoch {epoch}, step {step} differ");
            }
        }
    }

    [Fact]
    public void Next_DepthZero_BuildsOnCallingThread()
    {
        var builder = new RecordingBuilder(Builder());
        using var prefetcher = new BatchPrefetcher(builder, 0, 1, torch.CPU, depth: 0);

        using var batch = prefetcher.Next(0, 0);

        Assert.Equal(Environment.CurrentManagedThreadId, builder.Threads.Single());
    }

    [Fact]
    public void Next_StepSkipped_ThrowsNamingExpectedStep()
    {
        using var prefetcher = new BatchPrefetcher(Builder(), 0, 1, torch.CPU);

        var error = Assert.Throws<InvalidOperationException>(() => prefetcher.Next(0, 1));

        Assert.Contains("expected epoch 0, step 0", error.Message);
    }

    [Fact]
    public void Next_PastLastEpoch_Throws()
    {
        var builder = Builder();
        using var prefetcher = new BatchPrefetcher(builder, 0, 1, torch.CPU);
        for (var step = 0; step < builder.StepsPerEpoch; step++)
        {
            prefetcher.Next(0, step).Dispose();
        }

        Assert.Throws<InvalidOperationException>(() => prefetcher.Next(1, 0));
    }

    [Fact]
    public void Next_BuilderFails_RethrowsItsException()
    {
        var failing = new FailingBuilder(Builder(), failAtStep: 1);
        using var prefetcher = new BatchPrefetcher(failing, 0, 1, torch.CPU);

        prefetcher.Next(0, 0).Dispose();
        var error = Assert.Throws<InvalidDataException>(() => prefetcher.Next(0, 1));

        Assert.Equal("step 1 is broken", error.Message);
    }

    [Fact]
    public void Dispose_WithBatchesQueued_StopsProducer()
    {
        var builder = new RecordingBuilder(Builder());
        var prefetcher = new BatchPrefetcher(builder, 0, 50, torch.CPU, depth: 2);
        prefetcher.Next(0, 0).Dispose();

        prefetcher.Dispose();

        // 50 epochs would build hundreds of batches; a stopped producer built the taken one, the
        // queued ones and at most the one in progress when it was stopped.
        Assert.InRange(builder.Threads.Count, 1, 4);
    }

    private static TwoViewBatchBuilder Builder() => new(Children, Train, null, BatchSize, 2, Augmenter, Seed);

    /// <summary>Records the thread of every Build call.</summary>
    private sealed class RecordingBuilder(IBatchBuilder inner) : IBatchBuilder
    {
        public List<int> Threads { get; } = [];

        public int StepsPerEpoch => inner.StepsPerEpoch;

        public int ViewsPerImage => inner.ViewsPerImage;

        public TrainingBatch Build(int epoch, int step, Device device)
        {
            lock (Threads)
            {
                Threads.Add(Environment.CurrentManagedThreadId);
            }

            return inner.Build(epoch, step, device);
        }
    }

    /// <summary>Throws at one step, as a builder with corrupt input would.</summary>
    private sealed class FailingBuilder(IBatchBuilder inner, int failAtStep) : IBatchBuilder
    {
        public int StepsPerEpoch => inner.StepsPerEpoch;

        public int ViewsPerImage => inner.ViewsPerImage;

        public TrainingBatch Build(int epoch, int step, Device device) =>
            step == failAtStep ? throw new InvalidDataException($"step {step} is broken") : inner.Build(epoch, step, device);
    }
}
