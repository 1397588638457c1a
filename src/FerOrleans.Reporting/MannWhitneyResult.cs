namespace FerOrleans.Reporting;

/// <summary>The outcome of a Mann-Whitney U test.</summary>
/// <param name="U">The U statistic of the first sample x: the number of pairs (x_i, y_j) with x_i &gt; y_j,
/// ties counting one half.</param>
/// <param name="P">The p-value under the chosen alternative, in [0, 1].</param>
/// <param name="Method">Whether <paramref name="P"/> is exact or from the normal approximation.</param>
public sealed record MannWhitneyResult(double U, double P, MannWhitneyMethod Method);
