namespace FerOrleans.Reporting;

/// <summary>How the p-value of a Mann-Whitney U test was computed.</summary>
public enum MannWhitneyMethod
{
    /// <summary>From the exact null distribution of U (no ties, a sample of at most 8 values).</summary>
    Exact,

    /// <summary>From the normal approximation with tie correction and continuity correction 0.5.</summary>
    Asymptotic,
}
