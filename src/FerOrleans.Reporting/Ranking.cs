namespace FerOrleans.Reporting;

/// <summary>Average ranks of a sample and the tie sizes they imply.</summary>
internal static class Ranking
{
    /// <summary>
    /// Computes the ranks 1..n of the values, equal values sharing the mean of their ranks, and the tie term
    /// sum(t^3 - t) over the groups of t equal values.
    /// </summary>
    public static (double[] Ranks, double TieTerm) AverageRanks(IReadOnlyList<double> values)
    {
        int[] order = Enumerable.Range(0, values.Count).ToArray();
        Array.Sort(order, (left, right) => values[left].CompareTo(values[right]));

        double[] ranks = new double[values.Count];
        double tieTerm = 0.0;
        int start = 0;
        while (start < order.Length)
        {
            int end = start + 1;
            while (end < order.Length && values[order[end]] == values[order[start]])
            {
                end++;
            }

            // Positions start..end-1 hold equal values; their ranks are start+1..end.
            double meanRank = (start + 1 + end) / 2.0;
            for (int position = start; position < end; position++)
            {
                ranks[order[position]] = meanRank;
            }

            double groupSize = end - start;
            tieTerm += groupSize * groupSize * groupSize - groupSize;
            start = end;
        }

        return (ranks, tieTerm);
    }
}
