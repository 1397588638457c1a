namespace FerOrleans.Learning.Data;

/// <summary>
/// Splits a data set into a class-balanced training set and validation and test sets of (nearly) equal size.
/// </summary>
/// <remarks>
/// Per class, round(trainFraction x minority class size) images go to training, rounding halves away from zero.
/// The rest of each class is divided equally into validation and test. When a class leaves an odd remainder,
/// the extra image goes to test for the first such class (in label id order), to validation for the next,
/// and so on. The validation and test sets therefore differ by at most one image, in total and in each class.
/// Each part is returned in ascending index order. The same data and seed give the same split on every runtime.
/// </remarks>
public static class BalancedSplitter
{
    /// <summary>Splits <paramref name="data"/>; see the type remarks for the rules.</summary>
    /// <param name="trainFraction">Fraction of the minority class size taken per class for training, in (0, 1].</param>
    /// <param name="seed">Seed of the random order; one seed always gives one split.</param>
    /// <param name="subjectDisjoint">
    /// When true, all images of one subject go to the same part, so no subject is on two sides of a boundary.
    /// The per-class training counts then only approximate the balanced target;
    /// see <see cref="SubjectDisjointSplitter"/>.
    /// </param>
    /// <exception cref="ArgumentException">
    /// The fraction is outside (0, 1], the data set is empty, or the target is 0.
    /// </exception>
    public static SplitIndices Split(FaceDataset data, double trainFraction, int seed, bool subjectDisjoint = false)
    {
        var target = TrainTarget(data, trainFraction);
        return subjectDisjoint
            ? SubjectDisjointSplitter.Split(data, target, seed)
            : SplitImages(data, target, seed);
    }

    /// <summary>Returns round(trainFraction x minority class size), the training images per class.</summary>
    public static int TrainTarget(FaceDataset data, double trainFraction)
    {
        if (!(trainFraction > 0 && trainFraction <= 1))
        {
            throw new ArgumentException(
                $"Invalid training fraction {trainFraction}. Give a value in (0, 1], such as 0.5, 0.7 or 0.9.",
                nameof(trainFraction));
        }
        if (data.Count == 0)
        {
            throw new ArgumentException($"Data set '{data.Name}' is empty; it cannot be split.", nameof(data));
        }

        var counts = data.CountsPerLabel();
        var minority = counts.MinBy(p => p.Value);
        var target = (int)Math.Round(trainFraction * minority.Value, MidpointRounding.AwayFromZero);
        if (target == 0)
        {
            throw new ArgumentException(
                $"Data set '{data.Name}': {trainFraction} x {minority.Value} images of the smallest class "
                + $"'{EmotionNames.Name(minority.Key)}' rounds to 0 training images. Raise the fraction or add images.",
                nameof(trainFraction));
        }
        return target;
    }

    private static SplitIndices SplitImages(FaceDataset data, int target, int seed)
    {
        var random = new SeededRandom(seed);
        var train = new List<int>();
        var validation = new List<int>();
        var test = new List<int>();
        var extraToTest = true;
        foreach (var label in data.DistinctLabels())
        {
            var indices = Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == label).ToArray();
            random.Shuffle(indices.AsSpan());
            train.AddRange(indices[..target]);

            var rest = indices[target..];
            var validationCount = rest.Length / 2;
            if (rest.Length % 2 == 1)
            {
                validationCount += extraToTest ? 0 : 1;
                extraToTest = !extraToTest;
            }
            validation.AddRange(rest[..validationCount]);
            test.AddRange(rest[validationCount..]);
        }

        return new SplitIndices(Sorted(train), Sorted(validation), Sorted(test));
    }

    internal static int[] Sorted(List<int> indices)
    {
        indices.Sort();
        return indices.ToArray();
    }
}
