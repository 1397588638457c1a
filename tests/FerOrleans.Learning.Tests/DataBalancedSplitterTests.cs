using FerOrleans.Learning.Data;

namespace FerOrleans.Learning.Tests;

public sealed class DataBalancedSplitterTests
{
    private static readonly FaceDataset Unbalanced =
        DataSplitFixtures.Counts((Emotion.Happy, 20), (Emotion.Sad, 11), (Emotion.Neutral, 15));

    [Fact]
    public void BalancedSplitter_Split_Unbalanced_TakesMinorityShare()
    {
        // Minority 11 x 0.5 = 5.5 rounds away from zero to 6 per class.
        var split = BalancedSplitter.Split(Unbalanced, 0.5, seed: 1);

        Assert.Equal(18, split.Train.Length);
        foreach (var label in new[] { Emotion.Happy, Emotion.Sad, Emotion.Neutral })
        {
            Assert.Equal(6, split.Train.Count(i => Unbalanced.Labels[i] == label));
        }
    }

    [Fact]
    public void BalancedSplitter_Split_OddRemainders_AlternateExtra()
    {
        var split = BalancedSplitter.Split(Unbalanced, 0.5, seed: 1);

        // Remainders: happy 14 -> 7/7; sad 5 -> 2 validation, 3 test; neutral 9 -> 5 validation, 4 test.
        Assert.Equal(7, CountOf(split.Validation, Emotion.Happy));
        Assert.Equal(7, CountOf(split.Test, Emotion.Happy));
        Assert.Equal(2, CountOf(split.Validation, Emotion.Sad));
        Assert.Equal(3, CountOf(split.Test, Emotion.Sad));
        Assert.Equal(5, CountOf(split.Validation, Emotion.Neutral));
        Assert.Equal(4, CountOf(split.Test, Emotion.Neutral));
    }

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(0.7, 2)]
    [InlineData(0.9, 3)]
    public void BalancedSplitter_Split_AnyFraction_PartsAreDisjointAndCoverAll(double fraction, int seed)
    {
        var data = DataSplitFixtures.UnevenSubjects(60, seed: 4);

        var split = BalancedSplitter.Split(data, fraction, seed);
        var all = split.Train.Concat(split.Validation).Concat(split.Test).ToArray();

        Assert.Equal(all.Length, all.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, data.Count), all.Order());
        Assert.InRange(split.Validation.Length - split.Test.Length, -1, 1);
        var target = BalancedSplitter.TrainTarget(data, fraction);
        Assert.All(data.DistinctLabels(), label => Assert.Equal(target, CountOf(data, split.Train, label)));
    }

    [Fact]
    public void BalancedSplitter_Split_SameSeed_SameSplit()
    {
        var first = BalancedSplitter.Split(Unbalanced, 0.7, seed: 9);
        var second = BalancedSplitter.Split(Unbalanced, 0.7, seed: 9);

        Assert.Equal(first.Train, second.Train);
        Assert.Equal(first.Validation, second.Validation);
        Assert.Equal(first.Test, second.Test);
    }

    [Fact]
    public void BalancedSplitter_Split_DifferentSeed_DifferentSplit()
    {
        var first = BalancedSplitter.Split(Unbalanced, 0.7, seed: 9);
        var second = BalancedSplitter.Split(Unbalanced, 0.7, seed: 10);

        Assert.NotEqual(first.Train, second.Train);
    }

    [Fact]
    public void BalancedSplitter_Split_SeedZero_Shuffles()
    {
        var split = BalancedSplitter.Split(Unbalanced, 0.5, seed: 0);

        Assert.NotEqual(new[] { 0, 1, 2, 3, 4, 5 }, split.Train[..6]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void BalancedSplitter_Split_FractionOutside0To1_Rejected(double fraction)
    {
        var error = Assert.Throws<ArgumentException>(() => BalancedSplitter.Split(Unbalanced, fraction, seed: 1));

        Assert.Contains("(0, 1]", error.Message);
    }

    [Fact]
    public void BalancedSplitter_Split_TargetRoundsToZero_NamesSmallestClass()
    {
        var data = DataSplitFixtures.Counts((Emotion.Happy, 10), (Emotion.Disgust, 1));

        var error = Assert.Throws<ArgumentException>(() => BalancedSplitter.Split(data, 0.4, seed: 1));

        Assert.Contains("'disgust'", error.Message);
    }

    [Fact]
    public void BalancedSplitter_SplitBySubject_OnePhotoPerLabel_HitsTarget()
    {
        var data = DataSplitFixtures.EveryoneShowsEveryLabel(41, Emotion.Happy, Emotion.Neutral);

        var split = BalancedSplitter.Split(data, 0.5, seed: 3, subjectDisjoint: true);

        // round(0.5 x 41) = 21 per class; each subject brings one image of each class.
        Assert.Equal(21, CountOf(data, split.Train, Emotion.Happy));
        Assert.Equal(21, CountOf(data, split.Train, Emotion.Neutral));
        AssertNoSharedSubjects(data, split);
        Assert.Equal(data.Count, split.Train.Length + split.Validation.Length + split.Test.Length);
        Assert.Equal(10 * 2, split.Validation.Length);
        Assert.Equal(10 * 2, split.Test.Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void BalancedSplitter_SplitBySubject_Uneven_NoSharedSubject(int seed)
    {
        var data = DataSplitFixtures.UnevenSubjects(80, seed: 7);

        var split = BalancedSplitter.Split(data, 0.5, seed, subjectDisjoint: true);
        var all = split.Train.Concat(split.Validation).Concat(split.Test).ToArray();

        AssertNoSharedSubjects(data, split);
        Assert.Equal(Enumerable.Range(0, data.Count), all.Order());
        var target = BalancedSplitter.TrainTarget(data, 0.5);
        Assert.All(data.DistinctLabels(), label =>
            Assert.InRange(CountOf(data, split.Train, label), target - 6, target + 6));
        Assert.InRange(split.Validation.Length - split.Test.Length, -6, 6);
    }

    [Fact]
    public void BalancedSplitter_SplitBySubject_SameSeed_SameSplit()
    {
        var data = DataSplitFixtures.UnevenSubjects(50, seed: 7);

        var first = BalancedSplitter.Split(data, 0.7, seed: 5, subjectDisjoint: true);
        var second = BalancedSplitter.Split(data, 0.7, seed: 5, subjectDisjoint: true);
        var other = BalancedSplitter.Split(data, 0.7, seed: 6, subjectDisjoint: true);

        Assert.Equal(first.Train, second.Train);
        Assert.Equal(first.Test, second.Test);
        Assert.NotEqual(first.Train, other.Train);
    }

    private static int CountOf(int[] part, Emotion label) => CountOf(Unbalanced, part, label);

    private static int CountOf(FaceDataset data, int[] part, Emotion label) => part.Count(i => data.Labels[i] == label);

    private static void AssertNoSharedSubjects(FaceDataset data, SplitIndices split)
    {
        var train = split.Train.Select(i => data.SubjectIds[i]).ToHashSet();
        var validation = split.Validation.Select(i => data.SubjectIds[i]).ToHashSet();
        var test = split.Test.Select(i => data.SubjectIds[i]).ToHashSet();

        Assert.Empty(train.Intersect(validation));
        Assert.Empty(train.Intersect(test));
        Assert.Empty(validation.Intersect(test));
    }
}
