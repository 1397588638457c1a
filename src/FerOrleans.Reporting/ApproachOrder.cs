namespace FerOrleans.Reporting;

/// <summary>
/// Orders approach names as Virgolin et al. 2022 (arXiv 2202.05187) list them:
/// SL(c), SL(c+a), SC(c), SC(c+a), SC(c&lt;-a), UC(c), UC(c+a).
/// Names are matched with white space removed, so "SC (c&lt;-a)" matches too; other names follow, ordinally.
/// </summary>
public sealed class ApproachOrder : IComparer<string>
{
    private static readonly string[] StudyOrder =
        ["SL(c)", "SL(c+a)", "SC(c)", "SC(c+a)", "SC(c<-a)", "UC(c)", "UC(c+a)"];

    /// <summary>The shared instance.</summary>
    public static ApproachOrder Instance { get; } = new();

    private ApproachOrder()
    {
    }

    /// <inheritdoc/>
    public int Compare(string? x, string? y)
    {
        int xIndex = StudyIndex(x);
        int yIndex = StudyIndex(y);
        if (xIndex != yIndex)
        {
            return xIndex.CompareTo(yIndex);
        }

        return string.CompareOrdinal(x, y);
    }

    // The position in StudyOrder, or the list length for any other name.
    private static int StudyIndex(string? approach)
    {
        if (approach is null)
        {
            return -1;
        }

        string compact = string.Concat(approach.Where(character => !char.IsWhiteSpace(character)));
        int index = Array.IndexOf(StudyOrder, compact);
        return index >= 0 ? index : StudyOrder.Length;
    }
}
