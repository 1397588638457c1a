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

    public override ValidationResult Validate()
    {
        var run = base.Validate();
        if (!run.Successful)
        {
            return run;
        }

        return MeasureEpochs >= 1 && Rounds >= 1 && Prefetch >= 1
            ? ValidationResult.Success()
            : ValidationResult.Error($"--measure-epochs, --rounds and --prefetch must be >= 1; got {MeasureEpochs}, {Rounds}, {Prefetch}.");
    }
}
