using System.ComponentModel;
using FerOrleans.Learning.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Bench;

public sealed class BenchStepSettings : CommandSettings
{
    [CommandOption("--stems <LIST>")]
    [Description("Comma-separated stems to measure: cifar, imagenet. Default: cifar,imagenet")]
    public string Stems { get; init; } = "cifar,imagenet";

    [CommandOption("--widths <LIST>")]
    [Description("Comma-separated encoder widths (channels of the first stage). Default: 16,32,64")]
    public string Widths { get; init; } = "16,32,64";

    [CommandOption("--threads <LIST>")]
    [Description("Comma-separated torch thread counts. Default: 1,2")]
    public string Threads { get; init; } = "1,2";

    [CommandOption("--steps <N>")]
    [Description("Measured steps per configuration and round. Default: 5")]
    public int Steps { get; init; } = 5;

    [CommandOption("--warmup <N>")]
    [Description("Unmeasured steps before each measurement. Default: 2")]
    public int Warmup { get; init; } = 2;

    [CommandOption("--rounds <N>")]
    [Description("Rounds per configuration; with --peer each round measures both, alternating which goes first. Default: 1")]
    public int Rounds { get; init; } = 1;

    [CommandOption("--peer")]
    [Description("Also measure the PyTorch peer (bench/step.py) interleaved with ours, and print the ratio ours/peer.")]
    public bool Peer { get; init; }

    [CommandOption("--peer-heap <MODE>")]
    [Description("The peer's glibc heap: default (as PyTorch runs out of the box) or tuned (the settings FerOrleans "
        + "applies to itself, see FER_NATIVE_HEAP). Default: default")]
    public string PeerHeap { get; init; } = "default";

    [CommandOption("--python <PATH>")]
    [Description("Python with torch that runs the peer. Default: /usr/bin/python3")]
    public string Python { get; init; } = "/usr/bin/python3";

    [CommandOption("--peer-script <PATH>")]
    [Description("Path of the peer script. Default: bench/step.py below the current folder or one above it")]
    public string? PeerScript { get; init; }

    [CommandOption("--json <FILE>")]
    [Description("Also write every measurement (each step's milliseconds included) to this JSON file.")]
    public string? Json { get; init; }

    /// <summary>Environment variables for the peer process that set its heap as <see cref="PeerHeap"/> selects.</summary>
    public IReadOnlyDictionary<string, string> PeerEnvironment() =>
        PeerHeap == "tuned" ? NativeHeap.AsEnvironment : new Dictionary<string, string>();

    public IReadOnlyList<StepCase> Cases()
    {
        var stems = BenchLists.Parse(Stems, "--stems", ParseStem);
        var widths = BenchLists.Parse(Widths, "--widths", text => BenchLists.PositiveInt(text, "--widths"));
        var threads = BenchLists.Parse(Threads, "--threads", text => BenchLists.PositiveInt(text, "--threads"));
        return stems
            .SelectMany(stem => widths.SelectMany(width => threads.Select(thread => new StepCase(stem, width, thread))))
            .ToArray();
    }

    public override ValidationResult Validate()
    {
        if (Steps < 1 || Warmup < 0 || Rounds < 1)
        {
            return ValidationResult.Error($"--steps and --rounds must be >= 1 and --warmup >= 0; got {Steps}, {Rounds}, {Warmup}.");
        }

        if (PeerHeap is not ("default" or "tuned"))
        {
            return ValidationResult.Error($"--peer-heap: '{PeerHeap}' is not a heap mode; use default or tuned.");
        }

        try
        {
            _ = Cases();
        }
        catch (FormatException ex)
        {
            return ValidationResult.Error(ex.Message);
        }

        return ValidationResult.Success();
    }

    private static Stem ParseStem(string text) => text switch
    {
        "cifar" => Stem.Cifar,
        "imagenet" => Stem.ImageNet,
        _ => throw new FormatException($"--stems: '{text}' is not a stem; use cifar or imagenet."),
    };
}
