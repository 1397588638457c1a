namespace FerOrleans.Learning.Data;

/// <summary>A CSV row left out by <see cref="Fer2013ReadOptions.SkipInvalidRows"/>.</summary>
/// <param name="LineNumber">1-based line number in the file (the header is line 1).</param>
/// <param name="RowIndex">0-based data row index, as in the image id <c>row-&lt;n&gt;</c>.</param>
/// <param name="Problem">What was invalid.</param>
/// <param name="Reason">Short reason from <see cref="SkipReasons"/>.</param>
public sealed record Fer2013SkippedRow(
    int LineNumber, int RowIndex, string Problem, string Reason = SkipReasons.MalformedRow);
