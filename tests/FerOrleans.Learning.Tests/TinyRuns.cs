using FerOrleans.Learning.Data;
using FerOrleans.Learning.Training;
using TorchSharp;

namespace FerOrleans.Learning.Tests;

/// <summary>Small training runs on <see cref="SyntheticFaces"/> for the runner and checkpoint tests.</summary>
internal static class TinyRuns
{
    /// <summary>Data set A: 12 images per class, 6 of them in training (42), 3 in validation, 3 in test.</summary>
    public static readonly FaceDataset Children = StripePatterns.Create("children", perClass: 12, seed: 1);

    /// <summary>Data set B: 10 images per class.</summary>
    public static readonly FaceDataset Adults = StripePatterns.Create("adults", perClass: 10, seed: 2);

    public static readonly SplitIndices Split = StripePatterns.Split(Children, train: 6);

    /// <summary>Width 8, ImageNet stem, small projection head, crops of at least half the image.</summary>
    public static RunConfig Config(string approach, int epochs, int probeEpochs, int ratio = 1, int seed = 5) => new(
        Approach.Parse(approach),
        TrainFraction: 0.5,
        AugmentationRatio: ratio,
        Repetition: 0,
        Seed: seed,
        new NetworkOptions(Stem.ImageNet, Width: 8, ProjectionHidden: 64, EmbeddingSize: 32),
        new AugmentationOptions(CropScaleMin: 0.5),
        new TrainingOptions(epochs, probeEpochs, BatchSize: 32, LearningRate: 0.05, ProbeLearningRate: 0.1, SupConTemperature: 0.1));

    public static TrainingRunner Runner(RunConfig config, ICheckpointStore store, IProgress<TrainingProgress>? progress = null) =>
        new(config, Children, Adults, Split, torch.CPU, store, progress);
}

/// <summary>Collects progress reports synchronously, unlike <see cref="Progress{T}"/>, which posts them.</summary>
internal sealed class ProgressLog : IProgress<TrainingProgress>
{
    public List<TrainingProgress> Reports { get; } = [];

    public IEnumerable<TrainingProgress> Steps => Reports.Where(r => r.Kind == ProgressKind.Step);

    public IEnumerable<TrainingProgress> Epochs => Reports.Where(r => r.Kind == ProgressKind.EpochCompleted);

    public void Report(TrainingProgress value) => Reports.Add(value);
}

/// <summary>A store that cancels the run once checkpoint <c>stopAfter</c> is saved, to simulate a crash.</summary>
internal sealed class StoppingCheckpointStore(InMemoryCheckpointStore inner, int stopAfter, CancellationTokenSource cancellation)
    : ICheckpointStore
{
    public byte[]? LoadLatest() => inner.LoadLatest();

    public void Save(byte[] checkpoint, int sequence)
    {
        inner.Save(checkpoint, sequence);
        if (sequence == stopAfter)
        {
            cancellation.Cancel();
        }
    }
}
