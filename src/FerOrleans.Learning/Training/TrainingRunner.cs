using System.Diagnostics;
using FerOrleans.Learning.Augmentation;
using FerOrleans.Learning.Batches;
using FerOrleans.Learning.Data;
using FerOrleans.Learning.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Training;

/// <summary>
/// Runs one <see cref="RunConfig"/>: SL trains encoder and classifier with cross-entropy; SC and
/// UC train encoder and projection head with SupCon or SimCLR, then a linear probe on the frozen
/// encoder. The weights of the best validation epoch of the classifier phase are tested.
/// </summary>
/// <remarks>
/// <para>
/// A checkpoint is saved after every epoch of every phase, and <see cref="Run"/> resumes from the
/// latest one. With the same seed and torch thread count, a resumed run on the CPU reproduces the
/// losses, metrics and weights of an uninterrupted one bit for bit (tested).
/// NOTE: the CUDA path has not been run, because no CUDA build of libtorch could be restored where
/// this was written. cuDNN picks non-deterministic kernels by default, so expect a resumed CUDA
/// run to match an uninterrupted one only approximately.
/// </para>
/// <para>
/// Each epoch passes over AugmentationRatio copies of A's training part. In the (c+a) variants
/// half of each batch comes from B, so their epochs have twice the steps (see <see cref="BatchBuilder"/>).
/// The probe trains on augmented images of A's training part by default, as SupContrast's linear
/// stage does. <see cref="TrainingOptions.ProbeAugmentation"/> switches it to un-augmented images.
/// Training runs on the calling thread, with one torch dispose scope per step; with <see cref="PrefetchDepth"/>
/// above 0, augmentation and batch assembly run ahead of it on a prefetch thread.
/// </para>
/// </remarks>
public sealed partial class TrainingRunner
{
    private readonly RunConfig config;
    private readonly FaceDataset target;
    private readonly FaceDataset? supplement;
    private readonly SplitIndices split;
    private readonly Device device;
    private readonly ICheckpointStore checkpoints;
    private readonly IProgress<TrainingProgress>? progress;
    private readonly Emotion[] classLabels;
    private readonly Dictionary<Emotion, long> classIndex;
    private readonly string configJson;
    private readonly IReadOnlyList<PhasePlan> phases;
    private ReducedPrecisionCopy? reducedPrecision;

    public TrainingRunner(
        RunConfig config,
        FaceDataset a,
        FaceDataset? b,
        SplitIndices split,
        Device device,
        ICheckpointStore checkpoints,
        IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(checkpoints);
        RunValidation.Check(config, a, b, split);
        MixedPrecisionModes.CheckSupported(config.Training.MixedPrecision, device);

        this.config = config;
        target = a;
        supplement = config.Approach.UsesSupplement ? b : null;
        this.split = split;
        this.device = device;
        this.checkpoints = checkpoints;
        this.progress = progress;
        classLabels = a.DistinctLabels().ToArray();
        classIndex = classLabels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => (long)p.i);
        configJson = RunConfigJson.Serialize(config);
        RunName = Describe(config);
        phases = PlanPhases();
    }

    /// <summary>
    /// Ready batches that a thread builds ahead of the training step (see <see cref="BatchPrefetcher"/>);
    /// 0, the default, builds them on the training thread. The batches, and so the results, are the same either way.
    /// </summary>
    /// <remarks>
    /// Building one batch of 16 views took 0.3 ms against 100 ms or more per step on a 2-core CPU, so prefetching
    /// gains under 1% there and is off by default, which saves a thread per training slot.
    /// </remarks>
    public int PrefetchDepth { get; init; }

    /// <summary>
    /// Least time between two checkpoints within a phase; the last epoch of every phase is always checkpointed.
    /// Zero, the default, checkpoints every epoch. A longer interval costs less, and a crash repeats the epochs since
    /// the last checkpoint, with the same results: batches and random state depend only on the seed and position.
    /// </summary>
    public TimeSpan CheckpointInterval { get; init; }

    /// <summary>A short name of the run for messages: approach, split, ratio, repetition and seed.</summary>
    public string RunName { get; }

    /// <summary>The classifier's classes in output order: the labels of A, ascending.</summary>
    public IReadOnlyList<Emotion> ClassLabels => classLabels;

    /// <summary>Steps per epoch of each phase, in phase order.</summary>
    public IReadOnlyList<(TrainingPhase Phase, int StepsPerEpoch)> StepsPerEpoch =>
        phases.Select(p => (p.Phase, p.Batches.StepsPerEpoch)).ToArray();

    public static string Describe(RunConfig config) =>
        $"{config.Approach.Name} train {config.TrainFraction:0.###} x{config.AugmentationRatio} "
        + $"rep {config.Repetition} seed {config.Seed}";

    /// <summary>
    /// Trains every phase, resuming from the latest checkpoint when the store has one, and tests
    /// the best-validation weights. Throws <see cref="OperationCanceledException"/> between steps
    /// when <paramref name="cancellationToken"/> is cancelled; the last finished epoch's checkpoint
    /// remains.
    /// </summary>
    public RunOutcome Run(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var network = RunNetwork.Create(
            config.Network, withHead: config.Approach.Kind != ApproachKind.SL, classLabels.Length, config.Seed, device);
        var state = RestoreOrStart(network);
        using var reduced = config.Training.MixedPrecision == MixedPrecision.None
            ? null
            : ReducedPrecisionCopy.Create(network, config.Network, classLabels.Length, config.Training.MixedPrecision, device);
        reducedPrecision = reduced;

        foreach (var phase in phases)
        {
            RunPhase(phase, network, state, stopwatch, cancellationToken);
        }

        return Finish(network, state, stopwatch);
    }

    private IReadOnlyList<PhasePlan> PlanPhases()
    {
        var training = config.Training;
        var augmenter = new ImageAugmenter(config.Augmentation, target.ImageSize);
        var train = split.Train;
        if (config.Approach.Kind == ApproachKind.SL)
        {
            var batches = new SupervisedBatchBuilder(
                target, train, supplement, classLabels, training.BatchSize, config.AugmentationRatio,
                augmenter, config.Seed, (int)TrainingPhase.Supervised);
            return [new PhasePlan(TrainingPhase.Supervised, training.Epochs, training.LearningRate, batches)];
        }

        IBatchBuilder contrastive = config.Approach.Variant switch
        {
            DataVariant.ChildrenAugmentedByAdults => new AdultPairBatchBuilder(
                target, train, supplement!, training.BatchSize, config.AugmentationRatio, augmenter, config.Seed,
                (int)TrainingPhase.Contrastive),
            _ => new TwoViewBatchBuilder(
                target, train, supplement, training.BatchSize, config.AugmentationRatio, augmenter, config.Seed,
                (int)TrainingPhase.Contrastive),
        };
        var probe = new SupervisedBatchBuilder(
            target, train, supplement: null, classLabels, training.BatchSize, config.AugmentationRatio,
            training.ProbeAugmentation ? augmenter : null, config.Seed, (int)TrainingPhase.Probe);
        return
        [
            new PhasePlan(TrainingPhase.Contrastive, training.Epochs, training.LearningRate, contrastive),
            new PhasePlan(TrainingPhase.Probe, training.ProbeEpochs, training.ProbeLearningRate, probe),
        ];
    }

    /// <summary>One phase: its epochs, initial learning rate and batches.</summary>
    private sealed record PhasePlan(TrainingPhase Phase, int Epochs, double LearningRate, IBatchBuilder Batches);
}
