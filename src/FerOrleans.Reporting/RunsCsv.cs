using System.Globalization;
using System.Text;

namespace FerOrleans.Reporting;

/// <summary>
/// runs.csv: one row per run with its configuration, seed, state, accuracies, epochs and duration, then one
/// "spec." column per sweep setting. Numbers use the invariant culture and round-trip exactly; an unknown value is
/// an empty field.
/// </summary>
public static class RunsCsv
{
    /// <summary>The file name of the CSV.</summary>
    public const string FileName = "runs.csv";

    /// <summary>The prefix of the sweep setting columns.</summary>
    public const string SettingPrefix = "spec.";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly string[] RunColumns =
    [
        "runId", "approach", "trainFraction", "augmentationRatio", "repetition", "seed", "state",
        "validationAccuracy", "testAccuracy", "bestEpoch", "phase", "epoch", "steps", "attempts",
        "durationSeconds", "device", "error",
    ];

    /// <summary>Renders the runs of the model in model order, with a header row.</summary>
    public static string Render(SweepReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        StringBuilder text = new();
        CsvFormat.AppendRecord(text, [.. RunColumns, .. model.Settings.Keys.Select(key => SettingPrefix + key)]);
        foreach (RunRecord run in model.Runs)
        {
            CsvFormat.AppendRecord(text, [.. Fields(run), .. model.Settings.Values]);
        }

        return text.ToString();
    }

    /// <summary>
    /// Parses runs.csv text back into runs; the confusion matrices and class names are not in the CSV and come
    /// back null.
    /// </summary>
    /// <exception cref="FormatException">The header lacks a run column, a row has the wrong number of fields, or a
    /// number is invalid; the message names the line and column.</exception>
    public static IReadOnlyList<RunRecord> ParseRuns(string text)
    {
        IReadOnlyList<IReadOnlyList<string>> records = CsvFormat.Parse(text);
        if (records.Count == 0)
        {
            throw new FormatException($"{FileName} is empty; expected a header row.");
        }

        IReadOnlyList<string> header = records[0];
        foreach (string column in RunColumns.Where(column => !header.Contains(column)))
        {
            throw new FormatException($"{FileName} header lacks the column '{column}'.");
        }

        List<RunRecord> runs = [];
        for (int line = 1; line < records.Count; line++)
        {
            if (records[line].Count != header.Count)
            {
                throw new FormatException($"{FileName} line {line + 1} has {records[line].Count} fields; the "
                    + $"header has {header.Count}.");
            }

            CsvRow row = new(header, records[line], line + 1);
            runs.Add(ToRun(row));
        }

        return runs;
    }

    private static string[] Fields(RunRecord run) =>
    [
        run.RunId,
        run.Approach,
        Number(run.TrainFraction),
        Number(run.AugmentationRatio),
        Number(run.Repetition),
        Number(run.Seed),
        run.State,
        Number(run.ValidationAccuracy),
        Number(run.TestAccuracy),
        Number(run.BestEpoch),
        run.Phase ?? "",
        Number(run.Epoch),
        run.Steps?.ToString(Invariant) ?? "",
        Number(run.Attempts),
        Number(run.DurationSeconds),
        run.Device ?? "",
        run.Error ?? "",
    ];

    private static RunRecord ToRun(CsvRow row) => new(
        row.Text("runId"),
        row.Text("approach"),
        row.Double("trainFraction")!.Value,
        row.Int("augmentationRatio")!.Value,
        row.Int("repetition")!.Value,
        row.Int("seed")!.Value,
        row.Text("state"),
        row.Double("validationAccuracy"),
        row.Double("testAccuracy"),
        row.Int("bestEpoch"),
        row.Double("durationSeconds"),
        row.OptionalText("device"),
        row.OptionalText("error"),
        Steps: row.Long("steps"),
        Attempts: row.Int("attempts"),
        Phase: row.OptionalText("phase"),
        Epoch: row.Int("epoch"));

    private static string Number(double? value) => value?.ToString("R", Invariant) ?? "";

    private static string Number(int? value) => value?.ToString(Invariant) ?? "";
}
