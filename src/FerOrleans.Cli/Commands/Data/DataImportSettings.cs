using System.ComponentModel;
using FerOrleans.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Data;

public sealed class DataImportSettings : StoreSettings
{
    [CommandOption("--name <NAME>")]
    [Description("Name of the data set in the store; sweep specs refer to it.")]
    public string Name { get; init; } = "";

    [CommandOption("--folder <DIR>")]
    [Description("Folder-per-class images: DIR/<emotion>/<subject>.jpg, optional DIR/subjects.csv.")]
    public string? Folder { get; init; }

    [CommandOption("--fer2013 <CSV>")]
    [Description("A fer2013.csv file (emotion,pixels,Usage).")]
    public string? Fer2013 { get; init; }

    [CommandOption("--usage <USAGE>")]
    [Description("With --fer2013: keep only rows of these Usage values (Training, PublicTest, PrivateTest); repeatable.")]
    public string[] Usage { get; init; } = [];

    [CommandOption("--skip-invalid")]
    [Description("With --fer2013: skip and count malformed rows instead of stopping at the first.")]
    public bool SkipInvalid { get; init; }

    [CommandOption("--crop <CROP>")]
    [Description("With --folder: " + CropOption.Help + ". Default: center")]
    public string Crop { get; init; } = "center";

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            return ValidationResult.Error("--name is required: the name sweep specs use for this data set.");
        }
        if ((Folder is null) == (Fer2013 is null))
        {
            return ValidationResult.Error("Give exactly one of --folder DIR or --fer2013 CSV.");
        }
        return ValidationResult.Success();
    }
}
