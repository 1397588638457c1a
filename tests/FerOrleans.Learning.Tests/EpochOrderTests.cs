using FerOrleans.Learning.Augmentation;
using FerOrleans.Learning.Batches;

namespace FerOrleans.Learning.Tests;

public sealed class EpochOrderTests
{
    [Theory]
    [InlineData(20, 3, 16)]
    [InlineData(17, 5, 16)]
    [InlineData(16, 4, 16)]
    [InlineData(30, 20, 8)]
    public void Build_EveryCopy_IsPermutation(int images, int copies, int group)
    {
        var indices = Enumerable.Range(100, images).ToArray();

        var order = EpochOrder.Build(indices, copies, group, new RandomStream(3));

        Assert.Equal(images * copies, order.Length);
        for (var copy = 0; copy < copies; copy++)
        {
            Assert.Equal(indices, order.Skip(copy * images).Take(images).Order());
        }
    }

    [Theory]
    [InlineData(20, 3, 16)]
    [InlineData(17, 5, 16)]
    [InlineData(30, 20, 8)]
    [InlineData(9, 30, 8)]
    public void Build_EveryGroup_HoldsDistinctImages(int images, int copies, int group)
    {
        var indices = Enumerable.Range(0, images).ToArray();
        for (var seed = 0; seed < 20; seed++)
        {
            var order = EpochOrder.Build(indices, copies, group, new RandomStream((ulong)seed));

            foreach (var chunk in order.Chunk(group))
            {
                Assert.Equal(chunk.Length, chunk.Distinct().Count());
            }
        }
    }

    [Fact]
    public void Build_FewerImagesThanGroup_Throws()
    {
        Assert.Throws<ArgumentException>(() => EpochOrder.Build([1, 2, 3], 2, 4, new RandomStream(1)));
    }
}
