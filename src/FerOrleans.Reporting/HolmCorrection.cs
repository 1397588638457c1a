namespace FerOrleans.Reporting;

/// <summary>The Holm-Bonferroni step-down correction for multiple tests.</summary>
public static class HolmCorrection
{
    /// <summary>
    /// Adjusts m p-values: the i-th smallest (i = 1..m) becomes max over j &lt;= i of min(1, (m - j + 1) p_(j)),
    /// so the adjusted values keep the order of the raw ones. The result is in the input order.
    /// </summary>
    /// <exception cref="ArgumentException">A p-value is NaN or outside [0, 1].</exception>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        for (int i = 0; i < pValues.Count; i++)
        {
            double p = pValues[i];
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentException(
                    $"Holm correction needs p-values in [0, 1], got {p} at index {i}.", nameof(pValues));
            }
        }

        int m = pValues.Count;
        int[] order = Enumerable.Range(0, m).ToArray();
        Array.Sort(order, (left, right) => pValues[left].CompareTo(pValues[right]));

        double[] adjusted = new double[m];
        double runningMax = 0.0;
        for (int rank = 0; rank < m; rank++)
        {
            int index = order[rank];
            double scaled = Math.Min(1.0, (m - rank) * pValues[index]);
            runningMax = Math.Max(runningMax, scaled);
            adjusted[index] = runningMax;
        }

        return adjusted;
    }
}
