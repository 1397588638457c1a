using FerOrleans.Cli.Infrastructure;
using FerOrleans.Learning.Data;

namespace FerOrleans.Cli.Commands.Data;

/// <summary>Reads the input form chosen by <see cref="DataImportSettings"/>.</summary>
public static class DataImportSource
{
    /// <summary>Reads and pre-processes the data set, returning it with its report.</summary>
    public static DatasetImport Read(DataImportSettings settings)
    {
        var options = settings.ImportOptions();
        if (settings.Fer2013 is not null)
        {
            return settings.FerPlus is null
                ? Fer2013CsvReader.Import(settings.Fer2013, options)
                : FerPlusReader.Import(settings.Fer2013, settings.FerPlus, options, settings.FerPlusOptions());
        }
        if (settings.Cafe is not null)
        {
            return CafeDatasetReader.Import(settings.Cafe, options, settings.CafeMetadata);
        }
        if (settings.Manifest is not null)
        {
            return ManifestCsvReader.Import(settings.Manifest, options);
        }
        return FolderDatasetReader.Import(settings.Folder!, options);
    }

    /// <summary>The full path of the input, stored as the data set's source.</summary>
    public static string SourcePath(DataImportSettings settings) =>
        Path.GetFullPath(settings.Fer2013 ?? settings.Cafe ?? settings.Manifest ?? settings.Folder!);

    /// <summary>
    /// The pre-processing recorded with the data set for <c>fer predict</c>: "fer2013" for the CSV forms, whose
    /// images are already 48x48 gray, else the crop text.
    /// </summary>
    public static string Preprocessing(DataImportSettings settings) =>
        settings.Fer2013 is not null ? "fer2013" : CropOption.Format(settings.ImportOptions().EffectivePreprocess);
}
