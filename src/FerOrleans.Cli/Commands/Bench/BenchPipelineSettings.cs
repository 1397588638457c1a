using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Bench;

public sealed class BenchPipelineSettings : BenchRunSettings
{
    [CommandOption("--measure-epochs <N>")]
    [Description("Contrastive epochs per measurement. Default: 2")]
    public int MeasureEpochs { get; init; } = 2;

    [CommandOption("--rounds <N>")]
    [Description("Rounds; each measures pure steps, prefetched epochs and epochs without prefetch, in turn. Default: 3")]
    public int Rounds { get; init; } = 3;

    /// <summary>Depth of the prefetched measurement: --prefetch, or the prefetcher's default where that is 0.</summary>
    public int PrefetchedDepth => Prefetch > 0 ? Prefetch : FerOrleans.Learning.Batches.BatchPrefetcher.DefaultDepth;

    public override ValidationResult Validate()
    {
        var run = base.Validate();
        if (!run.Successful)
        {
            return run;
        }

        return MeasureEpochs >= 1 && Rounds >= 1
            ? ValidationResult.Success()
            : ValidationResult.Error($"--measure-epochs and --rounds must be >= 1; got {MeasureEpochs} and {Rounds}.");
    }
}
