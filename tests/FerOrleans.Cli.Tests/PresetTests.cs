using FerOrleans.Cli.Infrastructure;
using FerOrleans.Grains.Sweeps;
using FerOrleans.Learning.Training;

namespace FerOrleans.Cli.Tests;

public sealed class PresetTests
{
    [Fact]
    public void Paper_Read_IsValidAndExpandsTo840Runs()
    {
        var spec = SweepSpecFile.Read(PresetPath("paper.yaml"));

        Assert.Empty(SweepSpecValidator.Problems(spec));
        var runs = SweepExpansion.Expand(spec);
        Assert.Equal(840, runs.Count);
        Assert.Equal(840, runs.Select(r => r.RunId).Distinct().Count());
        Assert.Equal(Approach.All.Select(a => a.Name), spec.Approaches.Select(a => Approach.Parse(a).Name));
        Assert.Equal([0.5, 0.7, 0.9], spec.TrainFractions);
        Assert.Equal([1, 5, 10, 20], spec.AugmentationRatios);
        Assert.Equal(10, spec.Repetitions);
    }

    [Fact]
    public void Paper_Read_HasTheStudySettings()
    {
        var spec = SweepSpecFile.Read(PresetPath("paper.yaml"));

        Assert.Equal("cafe", spec.DatasetA);
        Assert.Equal("fer2013", spec.DatasetB);
        Assert.Null(spec.SubjectDisjoint);
        Assert.Equal("cifar", spec.Network.Stem);
        Assert.Equal(64, spec.Network.Width);
        Assert.Equal("mlp", spec.Network.ProjectionHead);
        Assert.Equal(250, spec.Training.Epochs);
        Assert.Equal(50, spec.Training.ProbeEpochs);
        Assert.Equal(32, spec.Training.BatchSize);
        Assert.Equal(1e-4, spec.Training.ProbeLearningRate);
        Assert.Equal("step", spec.Training.Schedule);
        Assert.Equal([0.3, 0.2, 0.1], spec.Training.DecayFractions);
        Assert.Equal(0.07, spec.Training.SupConTemperature);
    }

    [Fact]
    public void Paper_RunConfig_DecaysAtEpochs175To225()
    {
        var spec = SweepSpecFile.Read(PresetPath("paper.yaml"));
        var config = FerOrleans.Grains.Training.RunConfigMapping.ToRunConfig(SweepExpansion.Expand(spec)[0]);

        Assert.Equal([175, 200, 225], config.Training.DecayEpochs(250));
        Assert.Equal(Stem.Cifar, config.Network.Stem);
        Assert.Equal(ScheduleKind.Step, config.Training.Schedule);
    }

    [Fact]
    public void Quick_Read_IsValidWithTwelveRuns()
    {
        var spec = SweepSpecFile.Read(PresetPath("quick.yaml"));

        Assert.Empty(SweepSpecValidator.Problems(spec));
        Assert.Equal(12, SweepExpansion.Expand(spec).Count);
        Assert.Equal("london-a", spec.DatasetA);
        Assert.Equal("london-b", spec.DatasetB);
        Assert.Equal(5, spec.Training.CheckpointIntervalSeconds);
    }

    private static string PresetPath(string file)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "FerOrleans.sln")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        return Path.Combine(folder.FullName, "presets", file);
    }
}
