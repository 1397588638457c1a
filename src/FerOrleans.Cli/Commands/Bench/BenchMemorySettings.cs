using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Bench;

public sealed class BenchMemorySettings : BenchRunSettings
{
    [CommandOption("--every <N>")]
    [Description("Print resident memory every N epochs. Default: 20")]
    public int Every { get; init; } = 20;

    [CommandOption("--warmup-epochs <N>")]
    [Description("Epochs after which growth is measured; memory grows while allocators warm up. Default: 20")]
    public int WarmupEpochs { get; init; } = 20;

    public override ValidationResult Validate()
    {
        var run = base.Validate();
        if (!run.Successful)
        {
            return run;
        }

        return Every >= 1 && WarmupEpochs >= 1 && WarmupEpochs < Epochs
            ? ValidationResult.Success()
            : ValidationResult.Error($"--every must be >= 1 and --warmup-epochs in [1, --epochs); got {Every} and {WarmupEpochs}.");
    }
}
