using System.ComponentModel;
using FerOrleans.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Predict;

public sealed class PredictSettings : StoreSettings
{
    [CommandOption("--model <RUN_OR_PATH>")]
    [Description("A run id (SWEEP/RUN, as `fer sweep status` lists) whose model is in the store, or a model.bin file.")]
    public string Model { get; init; } = "";

    [CommandOption("--images <DIR>")]
    [Description("Folder of images (searched recursively) or a single image file.")]
    public string Images { get; init; } = "";

    [CommandOption("--json")]
    [Description("Print one JSON object per image: file, predicted label, probabilities.")]
    public bool Json { get; init; }

    [CommandOption("--crop <CROP>")]
    [Description("Override the pre-processing stored with the model: " + CropOption.Help + ".")]
    public string? Crop { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Model) || string.IsNullOrWhiteSpace(Images)
            ? ValidationResult.Error("Both --model and --images are required.")
            : ValidationResult.Success();
}
