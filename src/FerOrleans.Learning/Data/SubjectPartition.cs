namespace FerOrleans.Learning.Data;

/// <summary>
/// Divides a data set by subject into two data sets, for example a target set A and a supplement set B
/// drawn from one pool of faces, with no subject in both.
/// </summary>
public static class SubjectPartition
{
    /// <summary>
    /// Picks <paramref name="subjectsInA"/> random subjects for A and <paramref name="subjectsInB"/> of the rest
    /// (all of the rest when null) for B. Images keep their original order within each part. The parts are
    /// named <c>&lt;name&gt;-A</c> and <c>&lt;name&gt;-B</c>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A count is below 1, or the data set has fewer subjects than requested.
    /// </exception>
    public static (FaceDataset A, FaceDataset B) Split(FaceDataset data, int subjectsInA, int? subjectsInB, int seed)
    {
        var subjects = data.SubjectIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var countB = subjectsInB ?? subjects.Length - subjectsInA;
        if (subjectsInA < 1 || countB < 1 || subjectsInA + countB > subjects.Length)
        {
            throw new ArgumentException(
                $"Data set '{data.Name}' has {subjects.Length} subjects; {subjectsInA} for A and "
                + $"{(subjectsInB is null ? "the rest" : subjectsInB.ToString())} for B cannot be taken. "
                + "Request at least 1 subject for each part and no more than the data set has in total.");
        }

        new SeededRandom(seed).Shuffle(subjects.AsSpan());
        var inA = subjects[..subjectsInA].ToHashSet(StringComparer.Ordinal);
        var inB = subjects[subjectsInA..(subjectsInA + countB)].ToHashSet(StringComparer.Ordinal);
        var indicesA = Enumerable.Range(0, data.Count).Where(i => inA.Contains(data.SubjectIds[i])).ToArray();
        var indicesB = Enumerable.Range(0, data.Count).Where(i => inB.Contains(data.SubjectIds[i])).ToArray();
        return (data.Subset(indicesA, $"{data.Name}-A"), data.Subset(indicesB, $"{data.Name}-B"));
    }
}
