namespace FerOrleans.Learning.Data;

/// <summary>
/// The subject-disjoint variant of <see cref="BalancedSplitter"/>: whole subjects are assigned to training,
/// validation or test, so no subject has images in two parts.
/// </summary>
/// <remarks>
/// Subjects are visited in a random order fixed by the seed. Training: in one greedy pass, a subject joins training
/// when adding its images lowers the total distance sum over classes of |training images of the class - target|.
/// This reaches the target exactly when every subject has one image per class, as in a data set with one photo
/// per expression per person. Otherwise it stays close but may miss the target, because it is greedy, not optimal.
/// Validation and test: each remaining subject goes to the part that leaves the smaller per-class difference between
/// the two parts, ties going to the part with fewer images, then to test. The two parts therefore differ by at most
/// the image count of one subject rather than by one image.
/// </remarks>
public static class SubjectDisjointSplitter
{
    /// <summary>
    /// Splits <paramref name="data"/> with <paramref name="trainPerClass"/> as the per-class training target.
    /// </summary>
    public static SplitIndices Split(FaceDataset data, int trainPerClass, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trainPerClass, 1);
        var subjects = GroupBySubject(data);
        new SeededRandom(seed).Shuffle(subjects.AsSpan());

        var train = new List<int>();
        var rest = new List<SubjectImages>();
        var trainCounts = new int[LabelCount];
        var labels = data.DistinctLabels();
        foreach (var subject in subjects)
        {
            if (TrainGain(subject, trainCounts, trainPerClass, labels) > 0)
            {
                Add(subject, trainCounts, train);
            }
            else
            {
                rest.Add(subject);
            }
        }

        var (validation, test) = DivideEvenly(rest);
        return new SplitIndices(
            BalancedSplitter.Sorted(train), BalancedSplitter.Sorted(validation), BalancedSplitter.Sorted(test));
    }

    private const int LabelCount = (int)Emotion.Neutral + 1;

    private static SubjectImages[] GroupBySubject(FaceDataset data) =>
        Enumerable.Range(0, data.Count)
            .GroupBy(i => data.SubjectIds[i], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SubjectImages(g.ToArray(), CountLabels(data, g)))
            .ToArray();

    private static int[] CountLabels(FaceDataset data, IEnumerable<int> indices)
    {
        var counts = new int[LabelCount];
        foreach (var i in indices)
        {
            counts[(int)data.Labels[i]]++;
        }
        return counts;
    }

    /// <summary>Returns how much adding the subject lowers the sum of |count - target| over the labels.</summary>
    private static int TrainGain(SubjectImages subject, int[] counts, int target, IReadOnlyList<Emotion> labels)
    {
        var gain = 0;
        foreach (var label in labels)
        {
            var l = (int)label;
            gain += Math.Abs(counts[l] - target) - Math.Abs(counts[l] + subject.LabelCounts[l] - target);
        }
        return gain;
    }

    private static (List<int> Validation, List<int> Test) DivideEvenly(List<SubjectImages> subjects)
    {
        var validation = new List<int>();
        var test = new List<int>();
        var validationCounts = new int[LabelCount];
        var testCounts = new int[LabelCount];
        foreach (var subject in subjects)
        {
            var toValidation = Imbalance(validationCounts, testCounts, subject.LabelCounts, +1);
            var toTest = Imbalance(validationCounts, testCounts, subject.LabelCounts, -1);
            var chooseValidation = toValidation < toTest
                || (toValidation == toTest && validation.Count < test.Count);
            if (chooseValidation)
            {
                Add(subject, validationCounts, validation);
            }
            else
            {
                Add(subject, testCounts, test);
            }
        }
        return (validation, test);
    }

    /// <summary>
    /// Returns the sum over labels of |validation - test| after adding the subject to one side
    /// (sign +1 = validation, -1 = test).
    /// </summary>
    private static int Imbalance(int[] validation, int[] test, int[] subject, int sign)
    {
        var total = 0;
        for (var l = 0; l < LabelCount; l++)
        {
            total += Math.Abs(validation[l] - test[l] + sign * subject[l]);
        }
        return total;
    }

    private static void Add(SubjectImages subject, int[] counts, List<int> part)
    {
        part.AddRange(subject.Indices);
        for (var l = 0; l < LabelCount; l++)
        {
            counts[l] += subject.LabelCounts[l];
        }
    }

    private sealed record SubjectImages(int[] Indices, int[] LabelCounts);
}
