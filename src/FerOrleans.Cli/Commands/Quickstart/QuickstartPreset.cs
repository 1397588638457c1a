using FerOrleans.Contracts.Sweeps;

namespace FerOrleans.Cli.Commands.Quickstart;

/// <summary>
/// The quickstart sweep: the method at a size a 2-core machine finishes in minutes. The study
/// (Virgolin et al. 2022) used the CIFAR stem at width 64, 250 and 50 epochs and 10 repetitions.
/// </summary>
public static class QuickstartPreset
{
    public static readonly IReadOnlyList<string> DefaultApproaches = ["SL(c)", "SC(c)", "SC(c<-a)", "UC(c)"];

    /// <summary>Contrastive or supervised epochs per run.</summary>
    public const int Epochs = 30;

    /// <summary>Linear-probe epochs after contrastive training.</summary>
    public const int ProbeEpochs = 30;

    public static SweepSpec Spec(string name, string datasetA, string datasetB, QuickstartSettings settings) => new()
    {
        Name = name,
        DatasetA = datasetA,
        DatasetB = datasetB,
        Approaches = settings.Approaches.Length > 0 ? settings.Approaches : DefaultApproaches,
        TrainFractions = [0.5],
        AugmentationRatios = [5],
        Repetitions = settings.Repetitions,
        Seed = 1,
        SubjectDisjoint = true,
        Network = new NetworkSpec { Stem = "imagenet", Width = 16 },
        Training = new TrainingSpec
        {
            Epochs = settings.Epochs ?? Epochs,
            // 30 subjects at a 50% split leave 30 training images: b = 16 keeps every batch distinct.
            BatchSize = 16,
            ProbeEpochs = ProbeEpochs,
            // The probe trains for 30 epochs here, too few for the study's learning rate of 1e-4.
            ProbeLearningRate = 0.05,
            // Per-epoch checkpoints cost 15% of these 14-second runs, and one per 5 s (and at each phase end) under 3%.
            CheckpointIntervalSeconds = 5,
        },
    };
}
