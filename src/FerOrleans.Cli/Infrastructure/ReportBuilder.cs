using System.Globalization;
using FerOrleans.Contracts.Datasets;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Reporting;

namespace FerOrleans.Cli.Infrastructure;

/// <summary>Turns a sweep's status into the report's input and writes report.md and results.json.</summary>
public static class ReportBuilder
{
    public static async Task<string> WriteAsync(IGrainFactory grains, SweepStatus status, string folder)
    {
        var spec = status.Spec;
        var a = await grains.GetGrain<IDatasetGrain>(spec.DatasetA).GetAsync();
        var b = spec.DatasetB is null ? null : await grains.GetGrain<IDatasetGrain>(spec.DatasetB).GetAsync();
        var runs = status.Runs.Select(r => new RunRecord(
            r.Definition.RunId,
            r.Definition.Approach,
            r.Definition.TrainFraction,
            r.Definition.AugmentationRatio,
            r.Definition.Repetition,
            r.Definition.Seed,
            r.State.ToString(),
            r.Result?.ValidationAccuracy,
            r.Result?.TestAccuracy,
            r.Result?.BestEpoch,
            r.Result?.DurationSeconds,
            r.Result?.Device,
            r.Error)).ToArray();

        var input = new ReportInput(
            spec.Name,
            spec.Name,
            spec.DatasetA,
            spec.DatasetB,
            (a?.IsSynthetic ?? false) || (b?.IsSynthetic ?? false),
            runs,
            DateTimeOffset.UtcNow,
            Settings(spec));
        var model = SweepReport.Build(input);
        Directory.CreateDirectory(folder);
        await SweepReportWriter.WriteAsync(model, folder);
        return Path.Combine(folder, "report.md");
    }

    private static Dictionary<string, string> Settings(SweepSpec spec) => new(StringComparer.Ordinal)
    {
        ["stem"] = spec.Network.Stem,
        ["width"] = Text(spec.Network.Width),
        ["epochs"] = Text(spec.Training.Epochs),
        ["probeEpochs"] = Text(spec.Training.ProbeEpochs),
        ["batchSize"] = Text(spec.Training.BatchSize),
        ["learningRate"] = Text(spec.Training.LearningRate),
        ["probeLearningRate"] = Text(spec.Training.ProbeLearningRate),
        ["supConTemperature"] = Text(spec.Training.SupConTemperature),
        ["simClrTemperature"] = Text(spec.Training.SimClrTemperature),
        ["cropScale"] = $"{Text(spec.Augmentation.CropScaleMin)}-{Text(spec.Augmentation.CropScaleMax)}",
        ["subjectDisjoint"] = spec.SubjectDisjoint switch { true => "yes", false => "no", null => "auto" },
        ["repetitions"] = Text(spec.Repetitions),
        ["seed"] = Text(spec.Seed),
    };

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
