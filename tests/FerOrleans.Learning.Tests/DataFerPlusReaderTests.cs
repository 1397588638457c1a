using FerOrleans.Learning.Data;

namespace FerOrleans.Learning.Tests;

public sealed class DataFerPlusReaderTests
{
    private static readonly string Fer2013 = DataFixtures.Path("fer2013/fer2013.csv");
    private static readonly string FerPlus = DataFixtures.Path("ferplus/fer2013new.csv");

    [Fact]
    public void FerPlusReader_Import_Majority_KeepsThreeRows()
    {
        var import = FerPlusReader.Import(Fer2013, FerPlus, new ImportOptions(), new FerPlusOptions());

        Assert.Equal(new[] { "row-0", "row-1", "row-7" }, import.Dataset.ImageIds);
        Assert.Equal(new[] { Emotion.Angry, Emotion.Happy, Emotion.Neutral }, import.Dataset.Labels);
        Assert.Equal(8, import.Report.ItemsRead);
        Assert.Equal(3, import.Report.Imported);
    }

    [Fact]
    public void FerPlusReader_Import_Row7_TakesFerPlusLabelNotFer2013()
    {
        var fer2013Label = Fer2013CsvReader.Read(Fer2013).Dataset.Labels[7];
        var import = FerPlusReader.Import(Fer2013, FerPlus, new ImportOptions(), new FerPlusOptions());

        Assert.Equal(Emotion.Happy, fer2013Label);
        Assert.Equal(Emotion.Neutral, import.Dataset.Labels[2]);
        Assert.Equal("fer0000007.png", import.Dataset.Metadata!.Value(2, ImageMetadataColumns.FerPlusImage));
        Assert.Equal("6 4 0 0 0 0 0 0 0 0", import.Dataset.Metadata.Value(2, ImageMetadataColumns.FerPlusVotes));
    }

    [Fact]
    public void FerPlusReader_Import_Majority_CountsEachDrop()
    {
        var dropped = FerPlusReader.Import(Fer2013, FerPlus, new ImportOptions(), new FerPlusOptions()).Report.Dropped;

        Assert.Equal(1, dropped[FerPlusDropReasons.NotAFace]);
        Assert.Equal(1, dropped[FerPlusDropReasons.MajorityUnknown]);
        Assert.Equal(1, dropped[FerPlusDropReasons.Tie]);
        Assert.Equal(1, dropped[FerPlusDropReasons.MajorityContempt]);
        Assert.Equal(1, dropped[FerPlusDropReasons.MajorityNotAFace]);
        Assert.Equal(5, dropped.Values.Sum());
    }

    [Fact]
    public void ImportReport_ToLines_FerPlus_CountsRowsAndDrops()
    {
        var lines = FerPlusReader.Import(Fer2013, FerPlus, new ImportOptions(), new FerPlusOptions()).Report.ToLines();

        Assert.StartsWith("Read 8 rows of fer2013 csv with FER+ labels", lines[0]);
        Assert.Contains("  dropped, tie: 1", lines);
        Assert.Contains("  per class: angry 1, happy 1, neutral 1", lines);
    }

    [Fact]
    public void FerPlusReader_Import_ContemptRevote_KeepsNeutralRow()
    {
        var import = FerPlusReader.Import(
            Fer2013, FerPlus, new ImportOptions(), new FerPlusOptions(Contempt: FerPlusContemptPolicy.Revote));

        // Row 5 votes neutral 3, contempt 5, unknown 2: without contempt, neutral has the most votes.
        Assert.Equal(new[] { "row-0", "row-1", "row-5", "row-7" }, import.Dataset.ImageIds);
        Assert.Equal(Emotion.Neutral, import.Dataset.Labels[2]);
        Assert.False(import.Report.Dropped.ContainsKey(FerPlusDropReasons.MajorityContempt));
    }

    [Fact]
    public void FerPlusReader_Import_Probability_StoresVoteShares()
    {
        var import = FerPlusReader.Import(
            Fer2013, FerPlus, new ImportOptions(), new FerPlusOptions(FerPlusLabelMode.Probability));
        var soft = import.Dataset.Metadata!.Column(ImageMetadataColumns.SoftLabel);

        // Row 0 votes anger 8, disgust 1, fear 1; order angry, disgust, fear, happy, sad, surprise, neutral.
        Assert.Equal("0.8 0.1 0.1 0 0 0 0", soft[0]);
        // Row 1 votes neutral 1, happiness 7, surprise 2.
        Assert.Equal("0 0 0 0.7 0 0.2 0.1", soft[1]);
        Assert.Equal(new[] { Emotion.Angry, Emotion.Happy, Emotion.Neutral }, import.Dataset.Labels);
    }

    [Fact]
    public void FerPlusReader_Import_UsageFilter_AppliesAfterJoin()
    {
        var revote = new FerPlusOptions(Contempt: FerPlusContemptPolicy.Revote);
        var privateTest = FerPlusReader.Import(Fer2013, FerPlus, new ImportOptions(Usages: ["PrivateTest"]), revote);
        var publicTest = Assert.Throws<InvalidDataException>(() =>
            FerPlusReader.Import(Fer2013, FerPlus, new ImportOptions(Usages: ["PublicTest"]), revote));

        Assert.Equal(new[] { "row-5" }, privateTest.Dataset.ImageIds);
        Assert.Equal(7, privateTest.Report.FilteredByUsage);
        Assert.Empty(privateTest.Report.Dropped);
        Assert.Contains("majority unknown 1, tie 1", publicTest.Message);
    }

    [Fact]
    public void FerPlusReader_Import_RowsSortedByUsage_ThrowsNamingLine()
    {
        var sorted = DataFixtures.Path("ferplus/fer2013new-sorted.csv");

        var error = Assert.Throws<DataFormatException>(() =>
            FerPlusReader.Import(Fer2013, sorted, new ImportOptions(), new FerPlusOptions()));

        Assert.Equal(sorted, error.FilePath);
        Assert.Equal(2, error.LineNumber);
        Assert.Contains("'PrivateTest'", error.Message);
        Assert.Contains("'Training'", error.Message);
        Assert.Contains("row position", error.Message);
    }

    [Fact]
    public void FerPlusReader_Import_FewerRows_ThrowsNamingBothCounts()
    {
        var error = Assert.Throws<InvalidDataException>(() => FerPlusReader.Import(
            Fer2013, DataFixtures.Path("ferplus/fer2013new-short.csv"), new ImportOptions(), new FerPlusOptions()));

        Assert.Contains("5 data rows", error.Message);
        Assert.Contains("has 8", error.Message);
    }

    [Fact]
    public void FerPlusReader_Import_BadVote_SkippedRowDropsItsImage()
    {
        using var folder = new DataTempFolder();
        var lines = File.ReadAllLines(FerPlus);
        lines[2] = lines[2].Replace(",7,2,", ",x,2,", StringComparison.Ordinal);
        var path = folder.WriteText("fer2013new.csv", string.Join('\n', lines) + "\n");

        var strict = Assert.Throws<DataFormatException>(() =>
            FerPlusReader.Import(Fer2013, path, new ImportOptions(), new FerPlusOptions()));
        var import = FerPlusReader.Import(Fer2013, path, new ImportOptions(SkipInvalid: true), new FerPlusOptions());

        Assert.Equal(3, strict.LineNumber);
        Assert.Contains("happiness vote count is 'x'", strict.Message);
        Assert.Equal(new[] { "row-0", "row-7" }, import.Dataset.ImageIds);
        Assert.Equal(1, import.Report.SkippedPerReason()[SkipReasons.InvalidVotes]);
    }
}
