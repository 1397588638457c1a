using System.ComponentModel;
using FerOrleans.Learning.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Bench;

/// <summary>
/// One training run to measure, by default the quickstart configuration: ImageNet stem, width 16,
/// 30 + 30 epochs, b = 16, ratio 5, a subject-disjoint 50% split of 30 subjects in A.
/// </summary>
public class BenchRunSettings : CommandSettings
{
    [CommandOption("--images <DIR>")]
    [Description("Folder-per-class images (DIR/<emotion>/<subject>.jpg), split into A and B by subject as quickstart does. Default: synthetic faces")]
    public string? Images { get; init; }

    [CommandOption("--subjects-a <N>")]
    [Description("Subjects in the target set A when --images is given; the rest form B. Default: 30")]
    public int SubjectsA { get; init; } = 30;

    [CommandOption("--approach <NAME>")]
    [Description("Approach as written in the study: SL(c), SC(c), SC(c<-a), UC(c), ... Default: SC(c<-a)")]
    public string Approach { get; init; } = "SC(c<-a)";

    [CommandOption("--stem <STEM>")]
    [Description("Encoder stem: cifar or imagenet. Default: imagenet")]
    public string Stem { get; init; } = "imagenet";

    [CommandOption("--width <N>")]
    [Description("Channels of the first ResNet stage. Default: 16")]
    public int Width { get; init; } = 16;

    [CommandOption("--epochs <N>")]
    [Description("Contrastive or supervised epochs. Default: 30")]
    public int Epochs { get; init; } = 30;

    [CommandOption("--probe-epochs <N>")]
    [Description("Linear-probe epochs after contrastive training. Default: 30")]
    public int ProbeEpochs { get; init; } = 30;

    [CommandOption("--batch-size <N>")]
    [Description("Views per mini-batch b. Default: 16")]
    public int BatchSize { get; init; } = 16;

    [CommandOption("--ratio <N>")]
    [Description("Augmentation ratio r: an epoch passes over r augmented copies of the training set. Default: 5")]
    public int Ratio { get; init; } = 5;

    [CommandOption("--threads <N>")]
    [Description("Torch intra-op threads. Default: 1")]
    public int Threads { get; init; } = 1;

    [CommandOption("--prefetch <N>")]
    [Description("Ready batches built ahead of the step; 0 builds them on the training thread. Default: 0, as in the silo")]
    public int Prefetch { get; init; }

    [CommandOption("--checkpoint-interval <SECONDS>")]
    [Description("Least seconds between checkpoints within a phase (training.checkpointIntervalSeconds); 0 checkpoints every epoch. Default: 0")]
    public double CheckpointInterval { get; init; }

    [CommandOption("--mixed-precision <MODE>")]
    [Description("Floating-point type of forward and backward: none, bf16 or fp16 (fp16 only on CUDA). Default: none")]
    public string MixedPrecision { get; init; } = "none";

    [CommandOption("--warm")]
    [Description("First train a throwaway 1+1-epoch run in the same process, as a silo has done before all but its "
        + "first run, so the measured run pays no one-time JIT compilation or kernel set-up.")]
    public bool Warm { get; init; }

    public override ValidationResult Validate()
    {
        if (Width < 1 || Epochs < 1 || ProbeEpochs < 1 || BatchSize < 2 || Ratio < 1 || Threads < 1 || Prefetch < 0 || CheckpointInterval < 0)
        {
            return ValidationResult.Error(
                "--width, --epochs, --probe-epochs, --ratio and --threads must be >= 1, --batch-size >= 2 and --prefetch >= 0.");
        }

        if (!MixedPrecisionModes.Names.Contains(MixedPrecision))
        {
            return ValidationResult.Error($"--mixed-precision: '{MixedPrecision}' is not one of none, bf16, fp16.");
        }

        return Stem is "cifar" or "imagenet"
            ? ValidationResult.Success()
            : ValidationResult.Error($"--stem: '{Stem}' is not a stem; use cifar or imagenet.");
    }

    /// <summary>The run configuration these options describe, with seed 1 and repetition 0.</summary>
    public RunConfig Config() => new(
        FerOrleans.Learning.Training.Approach.Parse(Approach),
        TrainFraction: 0.5,
        AugmentationRatio: Ratio,
        Repetition: 0,
        Seed: 1,
        new NetworkOptions(Stem == "cifar" ? Learning.Training.Stem.Cifar : Learning.Training.Stem.ImageNet, Width),
        new AugmentationOptions(),
        new TrainingOptions(
            Epochs,
            ProbeEpochs,
            BatchSize,
            ProbeLearningRate: 0.05,
            MixedPrecision: MixedPrecisionModes.Parse(MixedPrecision)));
}
