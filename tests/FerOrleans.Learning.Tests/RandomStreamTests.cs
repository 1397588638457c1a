using FerOrleans.Learning.Augmentation;

namespace FerOrleans.Learning.Tests;

public sealed class RandomStreamTests
{
    [Fact]
    public void Derive_SameKey_SameSequence()
    {
        var first = RandomStream.Derive(42, 1, 2, 3);
        var second = RandomStream.Derive(42, 1, 2, 3);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(first.NextUInt64(), second.NextUInt64());
        }
    }

    [Fact]
    public void Derive_KeysDifferingInOnePart_DifferentSequences()
    {
        var values = new HashSet<ulong>
        {
            RandomStream.Derive(42, 1, 2, 3).NextUInt64(),
            RandomStream.Derive(42, 1, 2, 4).NextUInt64(),
            RandomStream.Derive(42, 1, 3, 2).NextUInt64(),
            RandomStream.Derive(43, 1, 2, 3).NextUInt64(),
            RandomStream.Derive(42, 1, 2).NextUInt64(),
        };

        Assert.Equal(5, values.Count);
    }

    [Fact]
    public void NextInt32_ManyDraws_CoverRangeEvenly()
    {
        var random = new RandomStream(9);
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++)
        {
            counts[random.NextInt32(7)]++;
        }

        Assert.All(counts, count => Assert.InRange(count, 9_500, 10_500));
    }

    [Fact]
    public void NextDouble_ManyDraws_InUnitInterval()
    {
        var random = new RandomStream(10);
        var values = Enumerable.Range(0, 10_000).Select(_ => random.NextDouble()).ToArray();

        Assert.All(values, value => Assert.InRange(value, 0.0, 0.9999999999));
        Assert.Equal(0.5, values.Average(), 0.02);
    }

    [Fact]
    public void NextGaussian_ManyDraws_HaveUnitVariance()
    {
        var random = new RandomStream(12);
        var values = Enumerable.Range(0, 20_000).Select(_ => random.NextGaussian()).ToArray();
        var mean = values.Average();

        Assert.Equal(0, mean, 0.03);
        Assert.Equal(1, values.Average(v => (v - mean) * (v - mean)), 0.05);
    }
}
