using FerOrleans.Learning.Data;
using SkiaSharp;

namespace FerOrleans.Learning.Tests;

public sealed class DataImageFolderLayoutTests
{
    private static readonly string Splits = DataFixtures.Path("image-folders");

    private static readonly ImportOptions Tiny = new(Preprocess: PreprocessOptions.Default with { Size = 4 });

    [Fact]
    public void FolderDatasetReader_Import_SplitLayout_UsesFer2013Ids()
    {
        var data = FolderDatasetReader.Import(Splits, Tiny).Dataset;
        var labels = data.ImageIds.Zip(data.Labels).ToDictionary(p => p.First, p => p.Second);

        // Alphabetical folder order would give neutral 4, sad 5, surprise 6.
        Assert.Equal(Emotion.Neutral, labels["train/neutral/im0.png"]);
        Assert.Equal((Emotion)6, labels["train/neutral/im0.png"]);
        Assert.Equal((Emotion)4, labels["train/sad/im0.png"]);
        Assert.Equal((Emotion)5, labels["train/surprise/im0.png"]);
        Assert.Equal((Emotion)2, labels["test/fearful/im0.png"]);
        Assert.Equal((Emotion)1, labels["test/disgust/im0.png"]);
    }

    [Fact]
    public void FolderDatasetReader_Import_SplitLayout_KeepsSplitAsUsage()
    {
        var import = FolderDatasetReader.Import(Splits, Tiny);
        var data = import.Dataset;

        Assert.Equal(7, data.Count);
        Assert.Equal(new[] { "test/disgust/im0.png", "test/fearful/im0.png" }, data.ImageIds[..2]);
        Assert.Equal(new[] { "test", "test", "train", "train", "train", "train", "train" },
            data.Metadata!.Column(ImageMetadataColumns.Usage));
        Assert.Equal(5, import.Report.CountsPerUsage["train"]);
    }

    [Fact]
    public void FolderDatasetReader_Import_SplitLayout_EachImageOwnSubject()
    {
        var data = FolderDatasetReader.Import(Splits, Tiny).Dataset;

        // Every file is called im0.png; the stem would merge seven images into one subject.
        Assert.Equal(data.ImageIds, data.SubjectIds);
        Assert.Equal(7, data.SubjectIds.Distinct().Count());
    }

    [Fact]
    public void FolderDatasetReader_Import_UsageTrain_KeepsTrainFolder()
    {
        var import = FolderDatasetReader.Import(Splits, Tiny with { Usages = ["TRAIN"] });

        Assert.Equal(5, import.Dataset.Count);
        Assert.Equal(2, import.Report.FilteredByUsage);
        Assert.All(import.Dataset.ImageIds, id => Assert.StartsWith("train/", id));
    }

    [Fact]
    public void FolderDatasetReader_Import_UnknownClassFolder_NamesFolderAndNames()
    {
        using var folder = new DataTempFolder();
        WriteTile(folder, "train/happy/a.png");
        WriteTile(folder, "train/contempt/b.png");

        var error = Assert.Throws<FormatException>(() => FolderDatasetReader.Import(folder.Path, Tiny));

        Assert.Contains(Path.Combine(folder.Path, "train", "contempt"), error.Message);
        Assert.Contains("angry, disgust, fear, happy, sad, surprise, neutral", error.Message);
        Assert.Contains("fearful", error.Message);
    }

    [Fact]
    public void FolderDatasetReader_Import_Calm_IsNotNeutral()
    {
        using var folder = new DataTempFolder();
        WriteTile(folder, "calm/a.png");

        var error = Assert.Throws<FormatException>(() => FolderDatasetReader.Import(folder.Path, Tiny));

        Assert.Contains("'calm'", error.Message);
    }

    [Fact]
    public void FolderDatasetReader_Import_SplitsMixedWithClasses_Rejected()
    {
        using var folder = new DataTempFolder();
        WriteTile(folder, "train/happy/a.png");
        WriteTile(folder, "sad/b.png");

        var error = Assert.Throws<InvalidDataException>(() => FolderDatasetReader.Import(folder.Path, Tiny));

        Assert.Contains("train", error.Message);
        Assert.Contains("sad", error.Message);
    }

    [Fact]
    public void FolderDatasetReader_Import_SkipInvalid_CountsBrokenAndHuge()
    {
        using var folder = new DataTempFolder();
        WriteTile(folder, "happy/a.png");
        var broken = folder.WriteText("happy/b.jpg", "not a jpeg");
        var huge = Path.Combine(folder.Path, "sad", "c.png");
        Directory.CreateDirectory(Path.GetDirectoryName(huge)!);
        File.Copy(DataFixtures.Path("manifest/images/huge.png"), huge);

        var strict = Assert.Throws<ImageFileException>(() => FolderDatasetReader.Import(folder.Path, Tiny));
        var import = FolderDatasetReader.Import(folder.Path, Tiny with { SkipInvalid = true });

        Assert.Equal(broken, strict.FilePath);
        Assert.Equal(new[] { "happy/a.png" }, import.Dataset.ImageIds);
        Assert.Equal(3, import.Report.ItemsRead);
        Assert.Equal(1, import.Report.SkippedPerReason()[SkipReasons.Undecodable]);
        Assert.Equal(1, import.Report.SkippedPerReason()[SkipReasons.OverPixelLimit]);
        Assert.Contains(import.Report.Skipped, s => s.Location == huge && s.Problem.Contains("10000x10000"));
    }

    private static void WriteTile(DataTempFolder folder, string relativePath) =>
        folder.WritePng(relativePath, 4, 4, (x, _) => x < 2 ? SKColors.Black : SKColors.White);
}
