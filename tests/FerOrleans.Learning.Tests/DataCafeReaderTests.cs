using FerOrleans.Learning.Data;

namespace FerOrleans.Learning.Tests;

public sealed class DataCafeReaderTests
{
    private static readonly string Cafe = DataFixtures.Path("cafe");

    private static readonly ImportOptions Tiny = new(Preprocess: PreprocessOptions.Default with { Size = 4 });

    [Theory]
    [InlineData("angry_F-AA-02.jpg", Emotion.Angry, "", "F-AA-02", 1)]
    [InlineData("angryopen_F-AA-02.jpg", Emotion.Angry, "open", "F-AA-02", 1)]
    [InlineData("disgustwithtongue_M-EA-11.jpg", Emotion.Disgust, "withtongue", "M-EA-11", 1)]
    [InlineData("fearful_M-L-07.png", Emotion.Fear, "", "M-L-07", 1)]
    [InlineData("happy_F-AA-02b.jpg", Emotion.Happy, "", "F-AA-02b", 1)]
    [InlineData("happy_F-AA-02-2.jpg", Emotion.Happy, "", "F-AA-02", 2)]
    [InlineData("surpriseopen_F-AA-02b-2.JPG", Emotion.Surprise, "open", "F-AA-02b", 2)]
    [InlineData("Neutral_m-sa-101.jpeg", Emotion.Neutral, "", "M-SA-101", 1)]
    [InlineData("sad_F-PI-3.jpg", Emotion.Sad, "", "F-PI-3", 1)]
    public void CafeFileName_Parse_Variant_ReadsParts(
        string fileName, Emotion emotion, string variant, string childId, int take)
    {
        var name = CafeFileName.Parse(fileName, fileName);

        Assert.Equal(emotion, name.Emotion);
        Assert.Equal(variant, name.Variant);
        Assert.Equal(childId, name.ChildId);
        Assert.Equal(take, name.Take);
        Assert.Equal(variant == "open", name.MouthOpen);
    }

    [Theory]
    [InlineData("contempt_F-AA-01.jpg", "'contempt'")]
    [InlineData("happiness_F-AA-01.jpg", "'happiness'")]
    [InlineData("happywithtongue_F-AA-01.jpg", "'withtongue'")]
    [InlineData("happy-F-AA-01.jpg", "naming scheme")]
    [InlineData("happy_X-AA-01.jpg", "naming scheme")]
    [InlineData("happy_F-AA-01.gif", "naming scheme")]
    public void CafeFileName_Parse_UnknownName_ThrowsNamingFile(string fileName, string expected)
    {
        var path = Path.Combine("cafe", fileName);

        var error = Assert.Throws<FormatException>(() => CafeFileName.Parse(fileName, path));

        Assert.Contains(path, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void CafeDatasetReader_Import_Fixture_LabelsFromFileNames()
    {
        var data = CafeDatasetReader.Import(Cafe, Tiny).Dataset;
        var labels = data.ImageIds.Zip(data.Labels).ToDictionary(p => p.First, p => p.Second);

        Assert.Equal(9, data.Count);
        Assert.Equal(Emotion.Angry, labels["angryopen_F-AA-02.jpg"]);
        Assert.Equal(Emotion.Disgust, labels["disgustwithtongue_M-EA-11.jpg"]);
        Assert.Equal(Emotion.Fear, labels["fearful_M-EA-11.jpg"]);
        Assert.Equal(Emotion.Surprise, labels["surprise/surpriseopen_F-AA-02.jpg"]);
        Assert.Equal(Emotion.Neutral, labels["neutral_M-L-07.jpg"]);
    }

    [Fact]
    public void CafeDatasetReader_Import_Fixture_ChildIdIsSubject()
    {
        var data = CafeDatasetReader.Import(Cafe, Tiny).Dataset;
        var subjects = data.ImageIds.Zip(data.SubjectIds).ToDictionary(p => p.First, p => p.Second);

        Assert.Equal("F-AA-02", subjects["angry_F-AA-02.jpg"]);
        Assert.Equal("F-AA-02", subjects["surprise/surpriseopen_F-AA-02.jpg"]);
        Assert.Equal("F-AA-02b", subjects["happy_F-AA-02b-2.jpg"]);
        Assert.Equal(new[] { "F-AA-02", "F-AA-02b", "M-EA-11", "M-L-07" }, data.SubjectIds.Distinct().Order());
    }

    [Fact]
    public void CafeDatasetReader_Import_Fixture_KeepsVariantMetadata()
    {
        var data = CafeDatasetReader.Import(Cafe, Tiny).Dataset;
        var index = Array.IndexOf(data.ImageIds, "angryopen_F-AA-02.jpg");
        var tongue = Array.IndexOf(data.ImageIds, "disgustwithtongue_M-EA-11.jpg");
        var second = Array.IndexOf(data.ImageIds, "happy_F-AA-02b-2.jpg");

        Assert.Equal("true", data.Metadata!.Value(index, ImageMetadataColumns.MouthOpen));
        Assert.Equal("open", data.Metadata.Value(index, ImageMetadataColumns.Variant));
        Assert.Equal("false", data.Metadata.Value(tongue, ImageMetadataColumns.MouthOpen));
        Assert.Equal("withtongue", data.Metadata.Value(tongue, ImageMetadataColumns.Variant));
        Assert.Equal("2", data.Metadata.Value(second, ImageMetadataColumns.Take));
    }

    [Fact]
    public void CafeDatasetReader_Import_SubjectsCsv_IdColumnNotFirst()
    {
        var data = CafeDatasetReader.Import(Cafe, Tiny).Dataset;

        Assert.NotNull(data.Subjects);
        Assert.Equal(new[] { "Age", "Sex", "Ethnicity" }, data.Subjects.Columns);
        Assert.Equal("4", data.Subjects.Value("F-AA-02b", "age"));
        Assert.Equal("EA", data.Subjects.Value("M-EA-11", "Ethnicity"));
    }

    [Fact]
    public void SubjectDisjointSplitter_Split_Cafe_KeepsEachChildOnOneSide()
    {
        var data = CafeDatasetReader.Import(Cafe, Tiny).Dataset;

        for (var seed = 0; seed < 5; seed++)
        {
            var split = SubjectDisjointSplitter.Split(data, trainPerClass: 1, seed);
            var train = split.Train.Select(i => data.SubjectIds[i]).ToHashSet();
            var rest = split.Validation.Concat(split.Test).Select(i => data.SubjectIds[i]);

            Assert.Empty(train.Intersect(rest));
        }
    }

    [Fact]
    public void CafeDatasetReader_Import_UnknownNames_ThrowOrSkip()
    {
        var folder = DataFixtures.Path("cafe-invalid");

        var error = Assert.Throws<FormatException>(() => CafeDatasetReader.Import(folder, Tiny));
        var import = CafeDatasetReader.Import(folder, Tiny with { SkipInvalid = true });

        Assert.Contains(Path.Combine(folder, "contempt_F-AA-01.jpg"), error.Message);
        Assert.Equal(new[] { "happy_F-AA-01.jpg" }, import.Dataset.ImageIds);
        Assert.Equal(3, import.Report.ItemsRead);
        Assert.Equal(2, import.Report.SkippedPerReason()[SkipReasons.UnknownFileName]);
    }

    [Fact]
    public void CafeDatasetReader_Import_ChildMissingFromMetadata_Throws()
    {
        using var folder = new DataTempFolder();
        File.Copy(Path.Combine(Cafe, "angry_F-AA-02.jpg"), Path.Combine(folder.Path, "angry_F-AA-02.jpg"));
        File.Copy(Path.Combine(Cafe, "sad_M-L-07.jpg"), Path.Combine(folder.Path, "sad_M-L-07.jpg"));
        var metadata = folder.WriteText("children.csv", "child,age\nF-AA-02,5\n");

        var error = Assert.Throws<InvalidDataException>(() => CafeDatasetReader.Import(folder.Path, Tiny, metadata));

        Assert.Contains(metadata, error.Message);
        Assert.Contains("M-L-07", error.Message);
    }

    [Fact]
    public void CafeDatasetReader_Import_SamePhotoTwice_Rejected()
    {
        using var folder = new DataTempFolder();
        File.Copy(Path.Combine(Cafe, "angry_F-AA-02.jpg"), Path.Combine(folder.Path, "angry_F-AA-02.jpg"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "copy"));
        File.Copy(Path.Combine(Cafe, "angry_F-AA-02.jpg"), Path.Combine(folder.Path, "copy", "angry_F-AA-02.jpg"));

        var error = Assert.Throws<InvalidDataException>(() => CafeDatasetReader.Import(folder.Path, Tiny));

        Assert.Contains("same photo", error.Message);
        Assert.Contains("F-AA-02", error.Message);
    }
}
