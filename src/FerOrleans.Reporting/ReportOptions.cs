namespace FerOrleans.Reporting;

/// <summary>Choices that change which tests the report contains.</summary>
/// <param name="Pairs">The approach pairs to compare at every split and ratio where both have results.</param>
/// <param name="Holm">Whether to Holm-adjust the p-values, separately over the best vs runner-up family and over
/// the family of requested pairs.</param>
/// <param name="PairAlternative">The alternative hypothesis of the requested pair tests, stated for the first
/// approach of each pair.</param>
public sealed record ReportOptions(IReadOnlyList<ApproachPair> Pairs, bool Holm, Alternative PairAlternative)
{
    /// <summary>No requested pairs, no Holm correction, two-sided pair tests.</summary>
    public static ReportOptions Default { get; } = new([], false, Alternative.TwoSided);
}
