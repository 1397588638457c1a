using FerOrleans.Cli.Infrastructure;

namespace FerOrleans.Cli.Tests;

public sealed class SweepSpecFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fer-cli-tests").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_FullSpec_MapsEveryField()
    {
        var path = Write("""
            name: quick
            datasetA: cafe
            datasetB: fer2013
            approaches: ["SC(c<-a)", "SL(c)"]
            trainFractions: [0.5, 0.9]
            augmentationRatios: [1, 20]
            repetitions: 3
            seed: 11
            subjectDisjoint: true
            network:
              stem: imagenet
              width: 16
            training:
              epochs: 12
              probeEpochs: 4
              supConTemperature: 0.1
            augmentation:
              cropScaleMin: 0.8
            """);

        var spec = SweepSpecFile.Read(path);

        Assert.Equal("quick", spec.Name);
        Assert.Equal("fer2013", spec.DatasetB);
        Assert.Equal(["SC(c<-a)", "SL(c)"], spec.Approaches);
        Assert.Equal([0.5, 0.9], spec.TrainFractions);
        Assert.Equal([1, 20], spec.AugmentationRatios);
        Assert.Equal(3, spec.Repetitions);
        Assert.Equal(11, spec.Seed);
        Assert.True(spec.SubjectDisjoint);
        Assert.Equal("imagenet", spec.Network.Stem);
        Assert.Equal(16, spec.Network.Width);
        Assert.Equal(12, spec.Training.Epochs);
        Assert.Equal(0.1, spec.Training.SupConTemperature);
        Assert.Equal(0.05, spec.Training.LearningRate);
        Assert.Equal(0.8, spec.Augmentation.CropScaleMin);
        Assert.Equal(1.0, spec.Augmentation.CropScaleMax);
    }

    [Fact]
    public void Read_UnknownField_NamesFileLineAndField()
    {
        var path = Write("""
            name: quick
            datasetA: cafe
            approachez: ["SL(c)"]
            """);

        var error = Assert.Throws<ArgumentException>(() => SweepSpecFile.Read(path));

        Assert.Contains($"{path}:3:", error.Message);
        Assert.Contains("approachez", error.Message);
    }

    [Fact]
    public void Read_MissingName_SaysWhichFieldIsRequired()
    {
        var path = Write("datasetA: cafe\n");

        var error = Assert.Throws<ArgumentException>(() => SweepSpecFile.Read(path));

        Assert.Contains("field 'name' is required", error.Message);
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(_folder, "spec.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
