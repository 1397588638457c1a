using System.ComponentModel;
using FerOrleans.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Quickstart;

public sealed class QuickstartSettings : StoreSettings
{
    [CommandOption("--images <DIR>")]
    [Description("Folder-per-class face photos (DIR/<emotion>/<subject>.jpg). Without it, synthetic faces are drawn.")]
    public string? Images { get; init; }

    [CommandOption("--subjects-a <N>")]
    [Description("Subjects of --images that form the target set A. Default: 30")]
    public int SubjectsA { get; init; } = 30;

    [CommandOption("--subjects-b <N>")]
    [Description("Subjects of --images that form the supplement set B. Default: all others")]
    public int? SubjectsB { get; init; }

    [CommandOption("--crop <CROP>")]
    [Description("Pre-processing of --images: " + CropOption.Help + ". Default: center")]
    public string Crop { get; init; } = "center";

    [CommandOption("--repetitions <N>")]
    [Description("Repetitions per approach. Default: 3")]
    public int Repetitions { get; init; } = 3;

    [CommandOption("--approach <NAME>")]
    [Description("Approach to run, repeatable, e.g. --approach 'SC(c<-a)'. Default: SL(c), SC(c), SC(c<-a), UC(c)")]
    public string[] Approaches { get; init; } = [];

    [CommandOption("--epochs <N>")]
    [Description("Contrastive or supervised epochs per run. Default: the quick preset's")]
    public int? Epochs { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Folder for the report. Default: <store>/reports/<sweep>")]
    public string? Out { get; init; }

    public override ValidationResult Validate()
    {
        if (Images is not null && !Directory.Exists(Images))
        {
            return ValidationResult.Error($"--images '{Images}' is not a folder.");
        }
        if (SubjectsA < 2 || Repetitions < 1)
        {
            return ValidationResult.Error("--subjects-a must be at least 2 and --repetitions at least 1.");
        }
        return ValidationResult.Success();
    }
}
