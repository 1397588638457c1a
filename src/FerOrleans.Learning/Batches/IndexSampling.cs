using FerOrleans.Learning.Augmentation;

namespace FerOrleans.Learning.Batches;

/// <summary>Draws of indices from a pool.</summary>
public static class IndexSampling
{
    /// <summary>Draws <paramref name="count"/> distinct entries of <paramref name="pool"/> uniformly at random.</summary>
    public static int[] DrawDistinct(IReadOnlyList<int> pool, int count, RandomStream random)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > pool.Count)
        {
            throw new ArgumentException($"Cannot draw {count} distinct entries from a pool of {pool.Count}.", nameof(count));
        }

        var drawn = new int[count];
        if (count * 2 <= pool.Count)
        {
            // Rejection sampling: cheap when the pool is much larger than the draw, as B is.
            var seen = new HashSet<int>();
            for (var i = 0; i < count;)
            {
                var position = random.NextInt32(pool.Count);
                if (seen.Add(position))
                {
                    drawn[i++] = pool[position];
                }
            }

            return drawn;
        }

        // Partial Fisher-Yates shuffle of a copy.
        var copy = pool.ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = i + random.NextInt32(copy.Length - i);
            (copy[i], copy[j]) = (copy[j], copy[i]);
            drawn[i] = copy[i];
        }

        return drawn;
    }
}
