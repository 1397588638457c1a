namespace FerOrleans.Reporting;

/// <summary>Everything the sweep report is built from.</summary>
/// <param name="SweepName">The human-readable sweep name, used in the report title.</param>
/// <param name="SweepId">The unique sweep id.</param>
/// <param name="DatasetA">The target data set (children), for example CAFE.</param>
/// <param name="DatasetB">The supplementary data set (adults), for example FER2013, or null when none was used.</param>
/// <param name="Synthetic">Whether the data were generated rather than real faces.</param>
/// <param name="Runs">Every run of the sweep, whatever its state.</param>
/// <param name="GeneratedUtc">The time the report is stamped with; passed in so the output is reproducible.</param>
/// <param name="Settings">Sweep settings to show, for example stem, width and epochs.</param>
public sealed record ReportInput(
    string SweepName,
    string SweepId,
    string DatasetA,
    string? DatasetB,
    bool Synthetic,
    IReadOnlyList<RunRecord> Runs,
    DateTimeOffset GeneratedUtc,
    IReadOnlyDictionary<string, string> Settings);
