namespace FerOrleans.Learning.Data;

/// <summary>One data row of fer2013new.csv.</summary>
/// <param name="LineNumber">1-based line number (the header is line 1).</param>
/// <param name="Usage">The trimmed Usage value.</param>
/// <param name="ImageName">The trimmed image name; empty for rows FER+ marks as not a face.</param>
/// <param name="Votes">The vote counts, or null for a skipped invalid row.</param>
/// <param name="Skipped">Why the row was skipped, or null.</param>
internal sealed record FerPlusRow(
    int LineNumber, string Usage, string ImageName, FerPlusVotes? Votes, SkippedItem? Skipped);
