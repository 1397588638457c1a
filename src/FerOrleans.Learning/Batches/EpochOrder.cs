using FerOrleans.Learning.Augmentation;

namespace FerOrleans.Learning.Batches;

/// <summary>
/// The order in which one epoch visits the training images: one independent permutation per
/// copy of the training set, concatenated, so every image appears once per copy.
/// </summary>
public static class EpochOrder
{
    /// <summary>
    /// Builds <paramref name="copies"/> concatenated permutations of <paramref name="images"/> such
    /// that every consecutive group of <paramref name="groupSize"/> entries (one batch) contains
    /// distinct images, also where a group spans the end of one copy and the start of the next.
    /// </summary>
    /// <remarks>
    /// At such a boundary, an image of the new permutation that already sits in the group is
    /// swapped with the first later image of that permutation that does not, so each copy stays a
    /// permutation. That needs at least <paramref name="groupSize"/> images.
    /// </remarks>
    public static int[] Build(IReadOnlyList<int> images, int copies, int groupSize, RandomStream random)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(copies, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(groupSize, 1);
        if (images.Count < groupSize)
        {
            throw new ArgumentException(
                $"A group of {groupSize} distinct images cannot be drawn from {images.Count} images.", nameof(images));
        }

        var count = images.Count;
        var order = new int[copies * count];
        for (var copy = 0; copy < copies; copy++)
        {
            var permutation = order.AsSpan(copy * count, count);
            for (var i = 0; i < count; i++)
            {
                permutation[i] = images[i];
            }

            random.Shuffle(permutation);
            var start = copy * count;
            var carried = start % groupSize;
            if (copy > 0 && carried != 0)
            {
                SeparateFromGroup(order.AsSpan(start - carried, carried), permutation, groupSize - carried);
            }
        }

        return order;
    }

    /// <summary>
    /// Moves every image of the first <paramref name="headLength"/> entries of
    /// <paramref name="permutation"/> that also occurs in <paramref name="group"/> further back.
    /// </summary>
    private static void SeparateFromGroup(ReadOnlySpan<int> group, Span<int> permutation, int headLength)
    {
        var taken = new HashSet<int>(group.ToArray());
        var next = headLength;
        for (var i = 0; i < headLength; i++)
        {
            if (!taken.Contains(permutation[i]))
            {
                continue;
            }

            while (taken.Contains(permutation[next]))
            {
                next++;
            }

            (permutation[i], permutation[next]) = (permutation[next], permutation[i]);
            next++;
        }
    }
}
