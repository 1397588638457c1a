using FerOrleans.Learning.Data;
using SkiaSharp;

namespace FerOrleans.Learning.Tests;

public sealed class DataFolderDatasetReaderTests
{
    // The face box x 64-192, y 40-168 of the 256x256 London photos, used to make london-faces-fer2013.csv.
    private static readonly CropBox LondonFaceBox = new(0.25, 0.15625, 0.5, 0.5);

    [Fact]
    public void FolderDatasetReader_Read_LondonFaces_Has82PerClass()
    {
        var data = FolderDatasetReader.Read(DataTestPaths.LondonFaces, PreprocessOptions.Default);

        Assert.Equal(164, data.Count);
        Assert.Equal(48, data.ImageSize);
        Assert.Equal(164 * 48 * 48, data.Pixels.Length);
        Assert.Equal("london-faces", data.Name);
        Assert.False(data.IsSynthetic);
        Assert.Equal(new[] { Emotion.Happy, Emotion.Neutral }, data.DistinctLabels());
        Assert.Equal(82, data.CountsPerLabel()[Emotion.Happy]);
        Assert.Equal(82, data.CountsPerLabel()[Emotion.Neutral]);
        var happySubjects = data.SubjectIds[..82];
        var neutralSubjects = data.SubjectIds[82..];
        Assert.Equal(happySubjects, neutralSubjects);
        Assert.Equal(82, happySubjects.Distinct().Count());
    }

    [Fact]
    public void FolderDatasetReader_Read_LondonFaces_OrdersByLabelThenFileName()
    {
        var data = FolderDatasetReader.Read(DataTestPaths.LondonFaces, PreprocessOptions.Default);

        Assert.Equal("happy/001.jpg", data.ImageIds[0]);
        Assert.Equal("001", data.SubjectIds[0]);
        Assert.Equal("neutral/001.jpg", data.ImageIds[82]);
        Assert.All(data.Labels[..82], label => Assert.Equal(Emotion.Happy, label));
        var happyIds = data.ImageIds[..82];
        Assert.Equal(happyIds.Order(StringComparer.Ordinal), happyIds);
    }

    [Fact]
    public void FolderDatasetReader_Read_LondonFaces_KeepsSubjectMetadata()
    {
        var data = FolderDatasetReader.Read(DataTestPaths.LondonFaces, PreprocessOptions.Default);

        Assert.NotNull(data.Subjects);
        Assert.Equal(82, data.Subjects.Count);
        Assert.Equal(new[] { "age", "sex", "ethnicity" }, data.Subjects.Columns);
        Assert.Equal("24", data.Subjects.Value("001", "age"));
        Assert.Equal("female", data.Subjects.Value("001", "sex"));
    }

    [Fact]
    public void FolderDatasetReader_Read_LondonFaceBox_MatchesCsv()
    {
        // The CSV was made from the same photos by another program with the same face box, size and BT.709 gray,
        // so the two pipelines should differ only by their resampling filters.
        var options = new PreprocessOptions(CropMode.Box, LondonFaceBox);
        var folder = FolderDatasetReader.Read(DataTestPaths.LondonFaces, options);
        var csv = Fer2013CsvReader.Read(DataTestPaths.LondonFacesCsv).Dataset;

        Assert.Equal(csv.Labels, folder.Labels);
        var meanAbsoluteDifference = folder.Pixels.Zip(csv.Pixels, (a, b) => Math.Abs(a - b)).Average();
        Assert.InRange(meanAbsoluteDifference, 0, 4);
    }

    [Fact]
    public void FolderDatasetReader_Read_OtherFiles_Skipped()
    {
        using var folder = new DataTempFolder();
        WriteFace(folder, "happy/a.png");
        WriteFace(folder, "Sadness/b.PNG");
        folder.WriteText("README.md", "# notes");
        folder.WriteText("happy/notes.txt", "not an image");
        folder.WriteText("happy/.hidden.png", "not decoded");
        folder.WriteText(".git/config", "not a class");

        var data = FolderDatasetReader.Read(folder.Path, PreprocessOptions.Default with { Size = 8 }, name: "fixture");

        Assert.Equal("fixture", data.Name);
        Assert.Equal(new[] { "happy/a.png", "Sadness/b.PNG" }, data.ImageIds);
        Assert.Equal(new[] { Emotion.Happy, Emotion.Sad }, data.Labels);
        Assert.Null(data.Subjects);
    }

    [Fact]
    public void FolderDatasetReader_Read_UnknownFolder_Throws()
    {
        using var folder = new DataTempFolder();
        WriteFace(folder, "happi/a.png");

        var error = Assert.Throws<FormatException>(() => Read(folder));

        Assert.Contains("'happi'", error.Message);
        Assert.Contains(Path.Combine(folder.Path, "happi"), error.Message);
        Assert.Contains("happy", error.Message);
    }

    [Fact]
    public void FolderDatasetReader_Read_TwoFoldersForOneEmotion_Rejected()
    {
        using var folder = new DataTempFolder();
        WriteFace(folder, "happy/a.png");
        WriteFace(folder, "joy/b.png");

        var error = Assert.Throws<InvalidDataException>(() => Read(folder));

        Assert.Contains("'happy'", error.Message);
        Assert.Contains("'joy'", error.Message);
    }

    [Fact]
    public void FolderDatasetReader_Read_MissingSubjectRow_Throws()
    {
        using var folder = new DataTempFolder();
        WriteFace(folder, "happy/s1.png");
        WriteFace(folder, "happy/s2.png");
        WriteFace(folder, "neutral/s3.png");
        folder.WriteText("subjects.csv", "subject,age\ns1,30\n");

        var error = Assert.Throws<InvalidDataException>(() => Read(folder));

        Assert.Contains("subjects.csv", error.Message);
        Assert.Contains("s2, s3", error.Message);
        Assert.Contains("2 subject(s)", error.Message);
    }

    [Fact]
    public void FolderDatasetReader_Read_UndecodableImage_NamesFile()
    {
        using var folder = new DataTempFolder();
        WriteFace(folder, "happy/a.png");
        var broken = folder.WriteText("happy/b.jpg", "not a jpeg");

        var error = Assert.Throws<ImageFileException>(() => Read(folder));

        Assert.Contains(broken, error.Message);
    }

    [Fact]
    public void FolderDatasetReader_Read_NoClassFolders_Rejected()
    {
        using var folder = new DataTempFolder();
        folder.WriteText("README.md", "# empty");

        var error = Assert.Throws<InvalidDataException>(() => Read(folder));

        Assert.Contains(folder.Path, error.Message);
    }

    private static FaceDataset Read(DataTempFolder folder) =>
        FolderDatasetReader.Read(folder.Path, PreprocessOptions.Default);

    private static void WriteFace(DataTempFolder folder, string relativePath) =>
        folder.WritePng(relativePath, 16, 16, (x, y) => new SKColor((byte)(x * 16), (byte)(y * 16), 128));
}
