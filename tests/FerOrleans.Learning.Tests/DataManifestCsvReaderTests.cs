using FerOrleans.Learning.Data;

namespace FerOrleans.Learning.Tests;

public sealed class DataManifestCsvReaderTests
{
    private static readonly string Manifest = DataFixtures.Path("manifest/manifest.csv");
    private static readonly string Invalid = DataFixtures.Path("manifest/manifest-invalid.csv");

    private static readonly ImportOptions Tiny = new(Preprocess: PreprocessOptions.Default with { Size = 4 });

    [Fact]
    public void ManifestCsvReader_Import_NamesAndIds_GiveLabels()
    {
        var data = ManifestCsvReader.Import(Manifest, Tiny).Dataset;

        Assert.Equal(new[] { "images/a.png", "images/b.jpg", "images/c.png", "images/black.png" }, data.ImageIds);
        Assert.Equal(new[] { Emotion.Happy, Emotion.Angry, Emotion.Sad, Emotion.Neutral }, data.Labels);
        Assert.Equal(new[] { "p1", "p1", "p2", "p3" }, data.SubjectIds);
        Assert.Equal("manifest", data.Name);
    }

    [Fact]
    public void ManifestCsvReader_Import_PathsRelativeToCsv_DecodeGray()
    {
        var data = ManifestCsvReader.Import(Manifest, Tiny).Dataset;

        // Each tile is one gray on its left half and another on its right half; JPEG moves values a little.
        Assert.InRange(data.Image(0)[0], 28, 32);
        Assert.InRange(data.Image(0)[3], 228, 232);
        Assert.InRange(data.Image(1)[4], 86, 94);
        Assert.InRange(data.Image(1)[7], 196, 204);
        Assert.InRange(data.Image(2)[0], 148, 152);
        Assert.InRange(data.Image(2)[15], 8, 12);
    }

    [Fact]
    public void ManifestCsvReader_Import_UsageColumn_FiltersAndKeeps()
    {
        var import = ManifestCsvReader.Import(Manifest, Tiny with { Usages = ["train"] });

        Assert.Equal(new[] { "images/a.png", "images/c.png", "images/black.png" }, import.Dataset.ImageIds);
        Assert.Equal(1, import.Report.FilteredByUsage);
        Assert.Equal(3, import.Report.CountsPerUsage["train"]);
    }

    [Fact]
    public void ManifestCsvReader_Import_BlackImage_FlaggedThenDropped()
    {
        var kept = ManifestCsvReader.Import(Manifest, Tiny);
        var dropped = ManifestCsvReader.Import(Manifest, Tiny with { DropConstantImages = true });

        Assert.Equal(new[] { "images/black.png" }, kept.Report.ConstantImageIds);
        Assert.Equal(4, kept.Dataset.Count);
        Assert.Equal(new[] { "images/a.png", "images/b.jpg", "images/c.png" }, dropped.Dataset.ImageIds);
        Assert.Equal(new[] { "images/black.png" }, dropped.Report.ConstantImageIds);
        Assert.Equal(3, dropped.Report.Imported);
    }

    [Fact]
    public void ManifestCsvReader_Import_UnknownLabel_NamesLineAndValue()
    {
        var error = Assert.Throws<DataFormatException>(() => ManifestCsvReader.Import(Invalid, Tiny));

        Assert.Equal(Invalid, error.FilePath);
        Assert.Equal(3, error.LineNumber);
        Assert.Contains("'contempt'", error.Message);
        Assert.Contains("0 angry, 1 disgust, 2 fear, 3 happy, 4 sad, 5 surprise, 6 neutral", error.Message);
    }

    [Fact]
    public void ManifestCsvReader_Import_SkipInvalid_CountsEachReason()
    {
        var import = ManifestCsvReader.Import(Invalid, Tiny with { SkipInvalid = true });
        var reasons = import.Report.SkippedPerReason();

        Assert.Equal(new[] { "images/a.png" }, import.Dataset.ImageIds);
        Assert.Equal(7, import.Report.ItemsRead);
        Assert.Equal(2, reasons[SkipReasons.InvalidLabel]);
        Assert.Equal(1, reasons[SkipReasons.MissingFile]);
        Assert.Equal(1, reasons[SkipReasons.OverPixelLimit]);
        Assert.Equal(1, reasons[SkipReasons.Undecodable]);
        Assert.Equal(1, reasons[SkipReasons.MalformedRow]);
        Assert.Contains(
            import.Report.Skipped, s => s.Location == $"{Invalid}, line 4" && s.Reason == SkipReasons.MissingFile);
        Assert.Contains(import.Report.Skipped, s => s.Location == $"{Invalid}, line 8" && s.Problem.Contains("line 2"));
    }

    [Fact]
    public void ManifestCsvReader_Import_UsageFilterWithoutColumn_Rejected()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ManifestCsvReader.Import(Invalid, Tiny with { Usages = ["train"] }));

        Assert.Contains("(train)", error.Message);
        Assert.Contains(Invalid, error.Message);
    }

    [Fact]
    public void ManifestCsvReader_Import_MissingLabelColumn_ThrowsOnLine1()
    {
        using var folder = new DataTempFolder();
        var path = folder.WriteText("list.csv", "path,emotion\na.png,happy\n");

        var error = Assert.Throws<DataFormatException>(() => ManifestCsvReader.Import(path, Tiny));

        Assert.Equal(1, error.LineNumber);
        Assert.Contains("'label'", error.Message);
    }

    [Fact]
    public void ManifestCsvReader_Import_LondonPhotos_MatchFolderImport()
    {
        using var folder = new DataTempFolder();
        var rows = Directory.GetFiles(DataTestPaths.LondonFaces, "*.jpg", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => $"{p},{Path.GetFileName(Path.GetDirectoryName(p))},{Path.GetFileNameWithoutExtension(p)}");
        var path = folder.WriteText("london.csv", "path,label,subject\n" + string.Join('\n', rows) + "\n");

        var manifest = ManifestCsvReader.Import(path, new ImportOptions()).Dataset;
        var images = FolderDatasetReader.Read(DataTestPaths.LondonFaces, PreprocessOptions.Default);

        Assert.Equal(images.Count, manifest.Count);
        Assert.Equal(images.Labels, manifest.Labels);
        Assert.Equal(images.SubjectIds, manifest.SubjectIds);
        Assert.Equal(images.Pixels, manifest.Pixels);
    }
}
