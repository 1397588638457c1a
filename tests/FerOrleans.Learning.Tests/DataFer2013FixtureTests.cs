using FerOrleans.Learning.Data;

namespace FerOrleans.Learning.Tests;

public sealed class DataFer2013FixtureTests
{
    private static readonly string Fer2013 = DataFixtures.Path("fer2013/fer2013.csv");
    private static readonly string Invalid = DataFixtures.Path("fer2013/invalid.csv");

    [Fact]
    public void Fer2013CsvReader_Import_QuotedCrlfFile_ReadsEveryRow()
    {
        var import = Fer2013CsvReader.Import(Fer2013, new ImportOptions());

        Assert.Equal(8, import.Report.ItemsRead);
        Assert.Equal(8, import.Dataset.Count);
        Assert.Equal(
            new[] { Emotion.Angry, Emotion.Happy, Emotion.Neutral, Emotion.Sad, Emotion.Surprise, Emotion.Fear,
                Emotion.Disgust, Emotion.Happy },
            import.Dataset.Labels);
        Assert.Equal(Pattern(5), import.Dataset.Image(5).ToArray());
        Assert.Empty(import.Report.Skipped);
    }

    [Fact]
    public void Fer2013CsvReader_Import_UsageWithStrayWhiteSpace_KeptTrimmed()
    {
        var import = Fer2013CsvReader.Import(Fer2013, new ImportOptions());
        var usage = import.Dataset.Metadata!.Column(ImageMetadataColumns.Usage);

        Assert.Equal(
            new[] { "Training", "Training", "Training", "PublicTest", "PublicTest", "PrivateTest", "Training",
                "Training" },
            usage);
        Assert.Equal(5, import.Report.CountsPerUsage["Training"]);
        Assert.Equal(2, import.Report.CountsPerUsage["PublicTest"]);
    }

    [Fact]
    public void Fer2013CsvReader_Import_UsageFilter_KeepsTrainingRows()
    {
        var import = Fer2013CsvReader.Import(Fer2013, new ImportOptions(Usages: ["training"]));

        Assert.Equal(new[] { "row-0", "row-1", "row-2", "row-6", "row-7" }, import.Dataset.ImageIds);
        Assert.Equal(3, import.Report.FilteredByUsage);
    }

    [Fact]
    public void Fer2013CsvReader_Import_BlackRow_FlaggedAndKept()
    {
        var import = Fer2013CsvReader.Import(Fer2013, new ImportOptions());

        Assert.Equal(new[] { "row-6" }, import.Report.ConstantImageIds);
        Assert.False(import.Report.ConstantImagesDropped);
        Assert.Contains("row-6", import.Dataset.ImageIds);
        Assert.Contains(import.Report.ToLines(), l => l.Contains("constant images: 1") && l.Contains("row-6"));
    }

    [Fact]
    public void Fer2013CsvReader_Import_DropConstant_LeavesBlackRowOut()
    {
        var import = Fer2013CsvReader.Import(Fer2013, new ImportOptions(DropConstantImages: true));

        Assert.Equal(7, import.Dataset.Count);
        Assert.DoesNotContain("row-6", import.Dataset.ImageIds);
        Assert.Equal(new[] { "row-6" }, import.Report.ConstantImageIds);
        Assert.True(import.Report.ConstantImagesDropped);
        Assert.Equal(7, import.Dataset.Metadata!.Column(ImageMetadataColumns.Usage).Count);
    }

    [Fact]
    public void Fer2013CsvReader_Import_IcmlHeaderWithSpaces_FindsColumns()
    {
        var import = Fer2013CsvReader.Import(DataFixtures.Path("fer2013/icml_face_data.csv"), new ImportOptions());

        Assert.Equal(new[] { Emotion.Fear, Emotion.Surprise, Emotion.Neutral }, import.Dataset.Labels);
        Assert.Equal(Pattern(11), import.Dataset.Image(1).ToArray());
        Assert.Equal("PrivateTest", import.Dataset.Metadata!.Value(2, ImageMetadataColumns.Usage));
    }

    [Fact]
    public void Fer2013CsvReader_Import_KaggleTrainCsv_HasNoUsage()
    {
        var import = Fer2013CsvReader.Import(DataFixtures.Path("fer2013/train.csv"), new ImportOptions());

        Assert.Equal(new[] { Emotion.Neutral, Emotion.Angry, Emotion.Happy }, import.Dataset.Labels);
        Assert.Equal(Pattern(22), import.Dataset.Image(2).ToArray());
        Assert.Null(import.Dataset.Metadata);
        Assert.Empty(import.Report.CountsPerUsage);
    }

    [Fact]
    public void Fer2013CsvReader_Import_KaggleTrainCsvWithUsageFilter_Throws()
    {
        var error = Assert.Throws<DataFormatException>(() =>
            Fer2013CsvReader.Import(DataFixtures.Path("fer2013/train.csv"), new ImportOptions(Usages: ["Training"])));

        Assert.Equal(1, error.LineNumber);
        Assert.Contains("no Usage column", error.Message);
    }

    [Fact]
    public void Fer2013CsvReader_Import_ShortRow_NamesFileLineAndCount()
    {
        var error = Assert.Throws<DataFormatException>(() => Fer2013CsvReader.Import(Invalid, new ImportOptions()));

        Assert.Equal(Invalid, error.FilePath);
        Assert.Equal(3, error.LineNumber);
        Assert.StartsWith($"{Invalid}, line 3:", error.Message);
        Assert.Contains("2303 pixel values", error.Message);
        Assert.Equal(SkipReasons.PixelCount, error.Reason);
    }

    [Fact]
    public void Fer2013CsvReader_Import_SkipInvalid_CountsEachReason()
    {
        var import = Fer2013CsvReader.Import(Invalid, new ImportOptions(SkipInvalid: true));
        var report = import.Report;

        Assert.Equal(6, report.ItemsRead);
        Assert.Equal(new[] { "row-0", "row-5" }, import.Dataset.ImageIds);
        Assert.Equal(4, report.Skipped.Count);
        Assert.Equal(1, report.SkippedPerReason()[SkipReasons.PixelCount]);
        Assert.Equal(2, report.SkippedPerReason()[SkipReasons.PixelValue]);
        Assert.Equal(1, report.SkippedPerReason()[SkipReasons.InvalidLabel]);
        Assert.Equal($"{Invalid}, line 4", report.Skipped[1].Location);
        Assert.Contains("256", report.Skipped[1].Problem);
        Assert.Contains("'12a'", report.Skipped[2].Problem);
        Assert.Contains("'7'", report.Skipped[3].Problem);
    }

    [Fact]
    public void ImportReport_ToLines_SkippedRows_ListedWithLines()
    {
        var lines = Fer2013CsvReader.Import(Invalid, new ImportOptions(SkipInvalid: true)).Report.ToLines();

        Assert.Contains(lines, l => l == "  skipped, invalid pixel value: 2");
        Assert.Contains(lines, l => l.StartsWith($"    {Invalid}, line 5:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l == "  imported: 2 images of 2 subjects");
        Assert.Contains(lines, l => l == "  per class: happy 1, neutral 1");
    }

    /// <summary>The values (seed x 31 + i x 7) mod 256 that make_fixtures.py writes for a row.</summary>
    private static byte[] Pattern(int seed) =>
        Enumerable.Range(0, 48 * 48).Select(i => (byte)((seed * 31 + i * 7) % 256)).ToArray();
}
