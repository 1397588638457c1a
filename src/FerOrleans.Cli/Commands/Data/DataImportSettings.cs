using System.ComponentModel;
using FerOrleans.Cli.Infrastructure;
using FerOrleans.Learning.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Data;

/// <summary>Options of <c>fer data import</c>: one input form, its policies and the pre-processing of photos.</summary>
public sealed class DataImportSettings : StoreSettings
{
    [CommandOption("--name <NAME>")]
    [Description("Name of the data set in the store; sweep specs refer to it.")]
    public string Name { get; init; } = "";

    [CommandOption("--folder <DIR>")]
    [Description("Images in class folders, DIR/<emotion>/<subject>.jpg (optional DIR/subjects.csv), or in split "
        + "folders, DIR/train/<emotion>/*.jpg and DIR/test/<emotion>/*.jpg (the split is kept as the usage).")]
    public string? Folder { get; init; }

    [CommandOption("--fer2013 <CSV>")]
    [Description("A FER2013 CSV: fer2013.csv (emotion,pixels,Usage), icml_face_data.csv or Kaggle train.csv.")]
    public string? Fer2013 { get; init; }

    [CommandOption("--ferplus <CSV>")]
    [Description("With --fer2013: FER+ votes (fer2013new.csv), joined to the FER2013 rows by row position.")]
    public string? FerPlus { get; init; }

    [CommandOption("--ferplus-labels <MODE>")]
    [Description("With --ferplus: majority (the majority-vote label) or probability (also the vote shares of the "
        + "seven emotions as soft-label metadata). Default: majority")]
    public string FerPlusLabels { get; init; } = "majority";

    [CommandOption("--ferplus-contempt <POLICY>")]
    [Description("With --ferplus: drop (rows whose majority is contempt are dropped) or revote (contempt votes "
        + "are removed before the vote). Default: drop")]
    public string FerPlusContempt { get; init; } = "drop";

    [CommandOption("--cafe <DIR>")]
    [Description("The CAFE photos (any sub-folders), labelled from file names such as angryopen_F-AA-02.jpg.")]
    public string? Cafe { get; init; }

    [CommandOption("--cafe-metadata <CSV>")]
    [Description("With --cafe: per-child CSV (child id column, then age, sex, ethnicity, ...). "
        + "Default: DIR/subjects.csv when it exists.")]
    public string? CafeMetadata { get; init; }

    [CommandOption("--manifest <CSV>")]
    [Description("A CSV with the columns path,label[[,subject]] (paths relative to the CSV's folder, labels as "
        + "FER2013 ids 0-6 or emotion names); other columns are kept as metadata.")]
    public string? Manifest { get; init; }

    [CommandOption("--usage <USAGE>")]
    [Description("Keep only images of these usage values (Training, PublicTest, PrivateTest; train, test for "
        + "split folders; a manifest's usage column); repeatable.")]
    public string[] Usage { get; init; } = [];

    [CommandOption("--skip-invalid")]
    [Description("Skip and count invalid rows and files (listed in the report) instead of stopping at the first.")]
    public bool SkipInvalid { get; init; }

    [CommandOption("--drop-constant")]
    [Description("Leave out images whose pixels all have one value (such as blank frames); "
        + "they are listed in the report either way.")]
    public bool DropConstant { get; init; }

    [CommandOption("--crop <CROP>")]
    [Description("With --folder, --cafe or --manifest: " + CropOption.Help + ". Default: center")]
    public string Crop { get; init; } = "center";

    [CommandOption("--size <PIXELS>")]
    [Description("With --folder, --cafe or --manifest: side length of the output images, in pixels. Default: 48")]
    public int Size { get; init; } = PreprocessOptions.DefaultSize;

    [CommandOption("--max-pixels <PIXELS>")]
    [Description("With --folder, --cafe or --manifest: largest width x height decoded; larger images are rejected "
        + "from their header before decoding. Default: 40000000")]
    public long MaxPixels { get; init; } = PreprocessOptions.DefaultMaxPixels;

    /// <summary>The number of input forms given; exactly one is required.</summary>
    private int FormCount =>
        new[] { Folder, Fer2013, Cafe, Manifest }.Count(f => f is not null);

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            return ValidationResult.Error("--name is required: the name sweep specs use for this data set.");
        }
        if (FormCount != 1)
        {
            return ValidationResult.Error(
                "Give exactly one of --folder DIR, --fer2013 CSV, --cafe DIR or --manifest CSV.");
        }
        if (FerPlus is not null && Fer2013 is null)
        {
            return ValidationResult.Error(
                "--ferplus needs --fer2013: FER+ has labels only, the images are in fer2013.csv.");
        }
        if (CafeMetadata is not null && Cafe is null)
        {
            return ValidationResult.Error("--cafe-metadata needs --cafe.");
        }
        if (Size < 1 || MaxPixels < 1)
        {
            return ValidationResult.Error($"--size ({Size}) and --max-pixels ({MaxPixels}) must be at least 1.");
        }
        if (FerPlusLabels is not ("majority" or "probability"))
        {
            return ValidationResult.Error($"--ferplus-labels '{FerPlusLabels}' is invalid; use majority or probability.");
        }
        if (FerPlusContempt is not ("drop" or "revote"))
        {
            return ValidationResult.Error($"--ferplus-contempt '{FerPlusContempt}' is invalid; use drop or revote.");
        }
        return ValidationResult.Success();
    }

    /// <summary>The options shared by every import form.</summary>
    public ImportOptions ImportOptions() => new(
        Name,
        SkipInvalid,
        DropConstant,
        Usage.Length > 0 ? Usage : null,
        CropOption.Parse(Crop) with { Size = Size, MaxPixels = MaxPixels });

    /// <summary>The FER+ label policy.</summary>
    public FerPlusOptions FerPlusOptions() => new(
        FerPlusLabels == "probability" ? FerPlusLabelMode.Probability : FerPlusLabelMode.Majority,
        FerPlusContempt == "revote" ? FerPlusContemptPolicy.Revote : FerPlusContemptPolicy.Drop);
}
