namespace FerOrleans.Learning.Data;

/// <summary>An invalid row or file that an import left out because invalid input was to be skipped.</summary>
/// <param name="Location">The file, with ", line N" for a row of a CSV file.</param>
/// <param name="Reason">Short reason from <see cref="SkipReasons"/>.</param>
/// <param name="Problem">What was invalid.</param>
public sealed record SkippedItem(string Location, string Reason, string Problem);
