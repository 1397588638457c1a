using System.Globalization;
using FerOrleans.Contracts.Datasets;
using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Reporting;
using FerOrleans.Reporting.Plots;

namespace FerOrleans.Cli.Infrastructure;

/// <summary>Turns a sweep's status into the report's input and writes the report folder.</summary>
public static class ReportBuilder
{
    /// <summary>Writes the report with default options and returns the path of report.html.</summary>
    public static async Task<string> WriteAsync(IGrainFactory grains, SweepStatus status, string folder)
    {
        await WriteAsync(grains, status, folder, ReportOptions.Default, CancellationToken.None);
        return Path.Combine(folder, SweepReportWriter.HtmlFileName);
    }

    /// <summary>
    /// Builds the statistics, draws the PNG figures and writes report.md, report.html, results.json and runs.csv
    /// into <paramref name="folder"/>. The statistics are computed before anything is written, so invalid runs or
    /// options leave an earlier report as it was.
    /// </summary>
    /// <returns>The paths of the files written.</returns>
    /// <exception cref="ArgumentException">A run is invalid or a requested pair names an approach the sweep
    /// lacks.</exception>
    public static async Task<IReadOnlyList<string>> WriteAsync(IGrainFactory grains, SweepStatus status,
        string folder, ReportOptions options, CancellationToken cancellationToken)
    {
        var spec = status.Spec;
        var a = await grains.GetGrain<IDatasetGrain>(spec.DatasetA).GetAsync();
        var b = spec.DatasetB is null ? null : await grains.GetGrain<IDatasetGrain>(spec.DatasetB).GetAsync();
        var input = new ReportInput(
            spec.Name,
            spec.Name,
            spec.DatasetA,
            spec.DatasetB,
            (a?.IsSynthetic ?? false) || (b?.IsSynthetic ?? false),
            [.. status.Runs.Select(ToRecord)],
            DateTimeOffset.UtcNow,
            Settings(spec));
        var model = SweepReport.Build(input, options);

        var figures = await ReportPlots.WriteAsync(model, folder, cancellationToken);
        await SweepReportWriter.WriteAsync(model, folder, figures, cancellationToken);
        string[] pages =
        [
            SweepReportWriter.HtmlFileName, SweepReportWriter.MarkdownFileName, SweepReportWriter.JsonFileName,
            RunsCsv.FileName,
        ];
        return [.. pages.Concat(figures.Select(figure => figure.FileName)).Select(name => Path.Combine(folder, name))];
    }

    private static RunRecord ToRecord(RunStatus run) => new(
        run.Definition.RunId,
        run.Definition.Approach,
        run.Definition.TrainFraction,
        run.Definition.AugmentationRatio,
        run.Definition.Repetition,
        run.Definition.Seed,
        run.State.ToString(),
        run.Result?.ValidationAccuracy,
        run.Result?.TestAccuracy,
        run.Result?.BestEpoch,
        run.Result?.DurationSeconds,
        run.Result?.Device,
        run.Error,
        run.Result?.ClassNames,
        run.Result?.TestConfusion,
        run.Result?.Steps,
        run.Attempts,
        run.Progress?.Phase,
        run.Progress?.Epoch);

    // Every scalar field of the spec; the per-run fields (approach, split, ratio, repetition) are columns of their own.
    private static Dictionary<string, string> Settings(SweepSpec spec) => new(StringComparer.Ordinal)
    {
        ["stem"] = spec.Network.Stem,
        ["width"] = Text(spec.Network.Width),
        ["projectionHidden"] = Text(spec.Network.ProjectionHidden),
        ["embeddingSize"] = Text(spec.Network.EmbeddingSize),
        ["epochs"] = Text(spec.Training.Epochs),
        ["probeEpochs"] = Text(spec.Training.ProbeEpochs),
        ["batchSize"] = Text(spec.Training.BatchSize),
        ["learningRate"] = Text(spec.Training.LearningRate),
        ["probeLearningRate"] = Text(spec.Training.ProbeLearningRate),
        ["momentum"] = Text(spec.Training.Momentum),
        ["weightDecay"] = Text(spec.Training.WeightDecay),
        ["supConTemperature"] = Text(spec.Training.SupConTemperature),
        ["simClrTemperature"] = Text(spec.Training.SimClrTemperature),
        ["baseTemperature"] = spec.Training.BaseTemperature is double baseTemperature
            ? Text(baseTemperature)
            : "equal to the temperature",
        ["cropScale"] = $"{Text(spec.Augmentation.CropScaleMin)}-{Text(spec.Augmentation.CropScaleMax)}",
        ["flipProbability"] = Text(spec.Augmentation.FlipProbability),
        ["brightness"] = Text(spec.Augmentation.Brightness),
        ["contrast"] = Text(spec.Augmentation.Contrast),
        ["jitterProbability"] = Text(spec.Augmentation.JitterProbability),
        ["subjectDisjoint"] = spec.SubjectDisjoint switch { true => "yes", false => "no", null => "auto" },
        ["repetitions"] = Text(spec.Repetitions),
        ["seed"] = Text(spec.Seed),
        ["checkpointsKept"] = Text(spec.CheckpointsKept),
    };

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
