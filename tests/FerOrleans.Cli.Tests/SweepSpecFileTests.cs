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
    public void Read_ProtocolFields_MapsEveryField()
    {
        var path = Write("""
            name: quick
            datasetA: cafe
            approaches: ["SC(c)"]
            trainFractions: [0.5]
            augmentationRatios: [1]
            network:
              projectionHead: linear
              embeddingSize: 64
            training:
              optimizer: sgd
              schedule: cosine
              warmupEpochs: 5
              decayFractions: [0.5]
              decayRate: 0.2
              weightDecay: 0.0005
              baseTemperature: 0.1
              probeAugmentation: false
            augmentation:
              flipProbability: 0.25
              brightness: 0.2
              contrast: 0.3
              jitterProbability: 0.6
            """);

        var spec = SweepSpecFile.Read(path);

        Assert.Equal("linear", spec.Network.ProjectionHead);
        Assert.Equal(64, spec.Network.EmbeddingSize);
        Assert.Equal("sgd", spec.Training.Optimizer);
        Assert.Equal("cosine", spec.Training.Schedule);
        Assert.Equal(5, spec.Training.WarmupEpochs);
        Assert.Equal([0.5], spec.Training.DecayFractions);
        Assert.Equal(0.2, spec.Training.DecayRate);
        Assert.Equal(0.0005, spec.Training.WeightDecay);
        Assert.Equal(0.1, spec.Training.BaseTemperature);
        Assert.False(spec.Training.ProbeAugmentation);
        Assert.Equal(0.25, spec.Augmentation.FlipProbability);
        Assert.Equal(0.2, spec.Augmentation.Brightness);
        Assert.Equal(0.3, spec.Augmentation.Contrast);
        Assert.Equal(0.6, spec.Augmentation.JitterProbability);
    }

    [Theory]
    [InlineData("subjectDisjoint: auto\n", null)]
    [InlineData("subjectDisjoint: true\n", true)]
    [InlineData("subjectDisjoint: false\n", false)]
    [InlineData("", null)]
    public void Read_SubjectDisjoint_ParsesAutoTrueFalse(string line, bool? expected)
    {
        var path = Write("name: quick\ndatasetA: cafe\n" + line);

        var spec = SweepSpecFile.Read(path);

        Assert.Equal(expected, spec.SubjectDisjoint);
    }

    [Fact]
    public void Read_SubjectDisjointInvalid_NamesAllowedValues()
    {
        var path = Write("name: quick\ndatasetA: cafe\nsubjectDisjoint: sometimes\n");

        var error = Assert.Throws<ArgumentException>(() => SweepSpecFile.Read(path));

        Assert.Contains("subjectDisjoint: 'sometimes'", error.Message);
        Assert.Contains("auto", error.Message);
    }

    [Fact]
    public void Read_UnknownNestedField_NamesLineAndField()
    {
        var path = Write("""
            name: quick
            datasetA: cafe
            training:
              epochs: 3
              sheduel: cosine
            """);

        var error = Assert.Throws<ArgumentException>(() => SweepSpecFile.Read(path));

        Assert.Contains($"{path}:5:", error.Message);
        Assert.Contains("unknown key 'sheduel'. Keys allowed at 'training': epochs,", error.Message);
        Assert.Contains("schedule", error.Message);
        Assert.DoesNotContain("SweepSpecFile", error.Message);
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
