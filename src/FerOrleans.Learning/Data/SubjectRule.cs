namespace FerOrleans.Learning.Data;

/// <summary>The rule that decides whether a split keeps each subject's images in one part.</summary>
public static class SubjectRule
{
    /// <summary>
    /// Returns <paramref name="requested"/> when it is set. Null means automatic: subject-disjoint when some
    /// subject of <paramref name="data"/> has two or more images (several photos per child, as in CAFE), and
    /// image by image when every image is its own subject (as in FER2013, which has no subject ids).
    /// </summary>
    public static bool Resolve(FaceDataset data, bool? requested)
    {
        ArgumentNullException.ThrowIfNull(data);
        return requested ?? HasRepeatedSubjects(data);
    }

    /// <summary>True when at least one subject id occurs on two or more images.</summary>
    public static bool HasRepeatedSubjects(FaceDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return data.SubjectIds.Any(id => !seen.Add(id));
    }
}
