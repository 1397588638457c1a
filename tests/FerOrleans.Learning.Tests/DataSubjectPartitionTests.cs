using FerOrleans.Learning.Data;

namespace FerOrleans.Learning.Tests;

public sealed class DataSubjectPartitionTests
{
    private static readonly FaceDataset Data =
        DataSplitFixtures.EveryoneShowsEveryLabel(10, Emotion.Happy, Emotion.Sad, Emotion.Neutral);

    [Fact]
    public void SubjectPartition_Split_RestToB_Disjoint()
    {
        var (a, b) = SubjectPartition.Split(Data, subjectsInA: 4, subjectsInB: null, seed: 1);

        Assert.Equal(4, a.SubjectIds.Distinct().Count());
        Assert.Equal(6, b.SubjectIds.Distinct().Count());
        Assert.Empty(a.SubjectIds.Intersect(b.SubjectIds));
        Assert.Equal(12, a.Count);
        Assert.Equal(18, b.Count);
        Assert.Equal(Data.ImageIds.Order(), a.ImageIds.Concat(b.ImageIds).Order());
        Assert.Equal("everyone-A", a.Name);
        Assert.Equal("everyone-B", b.Name);
    }

    [Fact]
    public void SubjectPartition_Split_GivenCountForB_LeavesTheRestOut()
    {
        var (a, b) = SubjectPartition.Split(Data, subjectsInA: 3, subjectsInB: 2, seed: 1);

        Assert.Equal(3, a.SubjectIds.Distinct().Count());
        Assert.Equal(2, b.SubjectIds.Distinct().Count());
        Assert.Empty(a.SubjectIds.Intersect(b.SubjectIds));
    }

    [Fact]
    public void SubjectPartition_Split_KeepsPixelsWithTheirImages()
    {
        var (a, _) = SubjectPartition.Split(Data, 4, null, seed: 2);

        for (var i = 0; i < a.Count; i++)
        {
            var original = Array.IndexOf(Data.ImageIds, a.ImageIds[i]);
            Assert.Equal(Data.Image(original).ToArray(), a.Image(i).ToArray());
            Assert.Equal(Data.Labels[original], a.Labels[i]);
        }
    }

    [Fact]
    public void SubjectPartition_Split_Seed_FixesParts()
    {
        var first = SubjectPartition.Split(Data, 4, null, seed: 1);
        var second = SubjectPartition.Split(Data, 4, null, seed: 1);
        var other = SubjectPartition.Split(Data, 4, null, seed: 2);

        Assert.Equal(first.A.ImageIds, second.A.ImageIds);
        Assert.NotEqual(first.A.SubjectIds.Distinct().Order(), other.A.SubjectIds.Distinct().Order());
    }

    [Theory]
    [InlineData(11, null)]
    [InlineData(10, null)]
    [InlineData(6, 5)]
    [InlineData(0, 3)]
    public void SubjectPartition_Split_NotEnoughSubjects_NamesCounts(int inA, int? inB)
    {
        var error = Assert.Throws<ArgumentException>(() => SubjectPartition.Split(Data, inA, inB, seed: 1));

        Assert.Contains("10 subjects", error.Message);
        Assert.Contains($"{inA} for A", error.Message);
    }
}
