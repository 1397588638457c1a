using System.ComponentModel;
using System.Globalization;
using FerOrleans.Cli.Infrastructure;
using FerOrleans.Learning.Evaluation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Cam;

public sealed class CamSettings : StoreSettings
{
    [CommandOption("--images <PATH>")]
    [Description("Image file or folder (searched recursively), repeatable. In an emotion-named folder the folder is the true label.")]
    public string[] Images { get; init; } = [];

    [CommandOption("--runs <RUN>")]
    [Description("Run ids (SWEEP/RUN, as `fer sweep status` lists) whose models are in the store: --runs A B C or --runs A --runs B.")]
    public string[] Runs { get; init; } = [];

    /// <summary>The values after the first one of <c>--runs A B C</c>: Spectre.Console.Cli binds one value per option.</summary>
    [CommandArgument(0, "[RUN]")]
    [Description("More run ids, as in --runs A B C.")]
    public string[] MoreRuns { get; init; } = [];

    /// <summary>Every run id of <c>--runs</c>, in the order given.</summary>
    public IReadOnlyList<string> RunIds => [.. Runs, .. MoreRuns];

    [CommandOption("--sweep <NAME>")]
    [Description("Use the completed runs of this sweep (needs the cluster or starts an embedded silo).")]
    public string? Sweep { get; init; }

    [CommandOption("--approach <NAME>")]
    [Description("With --sweep: approach to show, repeatable, e.g. --approach 'SC(c<-a)'. Default: all of the sweep's")]
    public string[] Approaches { get; init; } = [];

    [CommandOption("--split <FRACTION>")]
    [Description("With --sweep: training fraction of the runs to show, e.g. 0.5. Default: the sweep's only one")]
    public double? Split { get; init; }

    [CommandOption("--ratio <R>")]
    [Description("With --sweep: augmentation ratio of the runs to show, e.g. 5. Default: the sweep's only one")]
    public int? Ratio { get; init; }

    [CommandOption("--class <EMOTION>")]
    [Description("Explain this class (e.g. happy) instead of each model's predicted class.")]
    public string? Class { get; init; }

    [CommandOption("--alpha <WEIGHT>")]
    [Description("Weight of the colour map over the photo, 0 to 1. Default: 0.45")]
    public float Alpha { get; init; } = CamOverlay.DefaultAlpha;

    [CommandOption("--crop <CROP>")]
    [Description("Override the pre-processing stored with the models: " + CropOption.Help + ".")]
    public string? Crop { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Folder for the grids (NAME.png) and maps (NAME.maps.npy, NAME.maps.json); created if missing.")]
    public string Out { get; init; } = "";

    public override ValidationResult Validate()
    {
        if (Images.Length == 0 || string.IsNullOrWhiteSpace(Out))
        {
            return ValidationResult.Error("Both --images and --out are required.");
        }
        if (MoreRuns.Length > 0 && Runs.Length == 0)
        {
            return ValidationResult.Error(
                $"'{MoreRuns[0]}' follows no --runs; give run ids as --runs A B C, and several images as --images X --images Y.");
        }
        if ((RunIds.Count > 0) == (Sweep is not null))
        {
            return ValidationResult.Error("Give either --runs RUN ... or --sweep NAME, not both and not neither.");
        }
        if (Sweep is null && (Approaches.Length > 0 || Split is not null || Ratio is not null))
        {
            return ValidationResult.Error("--approach, --split and --ratio select runs of --sweep; with --runs, list the runs instead.");
        }
        if (!(Alpha >= 0f && Alpha <= 1f))
        {
            return ValidationResult.Error(
                string.Create(CultureInfo.InvariantCulture, $"--alpha {Alpha} is outside [0, 1]; use for example 0.45."));
        }
        return ValidationResult.Success();
    }
}
