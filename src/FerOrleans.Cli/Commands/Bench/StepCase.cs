using FerOrleans.Learning.Training;

namespace FerOrleans.Cli.Commands.Bench;

/// <summary>One configuration of the step benchmark: encoder stem, width and torch thread count.</summary>
public sealed record StepCase(Stem Stem, int Width, int Threads)
{
    /// <summary>The stem as the PyTorch peer and the YAML spec spell it: "cifar" or "imagenet".</summary>
    public string StemName => Stem == Stem.Cifar ? "cifar" : "imagenet";
}
