namespace FerOrleans.Reporting;

/// <summary>Tells when a Mann-Whitney U test cannot reject at the 5% level, whatever the data.</summary>
internal static class SmallSampleNote
{
    private const double SignificanceLevel = 0.05;

    /// <summary>
    /// Returns a note when the smallest p-value that samples of sizes n1 and n2 allow is above .05, else null.
    /// Without ties the smallest one-sided p is 1 / C(n1 + n2, n1), reached when every x is above every y, and the
    /// smallest two-sided p is twice that.
    /// </summary>
    public static string? For(int n1, int n2, Alternative alternative)
    {
        double smallestP = 1.0;
        for (int i = 1; i <= Math.Min(n1, n2); i++)
        {
            smallestP = smallestP * i / (Math.Max(n1, n2) + i);
        }

        if (alternative == Alternative.TwoSided)
        {
            smallestP = Math.Min(1.0, 2.0 * smallestP);
        }

        if (smallestP <= SignificanceLevel)
        {
            return null;
        }

        return $"not meaningful: with n = {n1} and {n2} the smallest possible p is "
            + $"{ReportFormat.PValue(smallestP)}, above .05";
    }
}
