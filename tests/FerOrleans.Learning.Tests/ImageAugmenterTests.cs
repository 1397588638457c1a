using FerOrleans.Learning.Augmentation;
using FerOrleans.Learning.Training;

namespace FerOrleans.Learning.Tests;

public sealed class ImageAugmenterTests
{
    private const int Size = 48;

    private static readonly AugmentationOptions Identity = new(
        CropScaleMin: 1, CropScaleMax: 1, FlipProbability: 0, Brightness: 0, Contrast: 0, JitterProbability: 0);

    [Fact]
    public void Augment_IdentityOptions_ReturnsPixelsOver255()
    {
        var image = Ramp();
        var output = new float[Size * Size];

        new ImageAugmenter(Identity, Size).Augment(image, output, new RandomStream(1));

        for (var i = 0; i < image.Length; i++)
        {
            Assert.Equal(image[i] / 255f, output[i], 1e-6f);
        }
    }

    [Fact]
    public void Augment_FlipAlways_MirrorsRows()
    {
        var image = Ramp();
        var output = new float[Size * Size];

        new ImageAugmenter(Identity with { FlipProbability = 1 }, Size).Augment(image, output, new RandomStream(1));

        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                Assert.Equal(image[y * Size + (Size - 1 - x)] / 255f, output[y * Size + x], 1e-6f);
            }
        }
    }

    [Fact]
    public void Augment_SameSeed_SameOutput()
    {
        var augmenter = new ImageAugmenter(new AugmentationOptions(), Size);
        var image = Ramp();
        var first = new float[Size * Size];
        var second = new float[Size * Size];

        augmenter.Augment(image, first, RandomStream.Derive(7, 1, 2, 3));
        augmenter.Augment(image, second, RandomStream.Derive(7, 1, 2, 3));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Augment_DifferentStreams_DifferentOutputs()
    {
        var augmenter = new ImageAugmenter(new AugmentationOptions(), Size);
        var image = Ramp();
        var first = new float[Size * Size];
        var second = new float[Size * Size];

        augmenter.Augment(image, first, RandomStream.Derive(7, 1, 2, 3));
        augmenter.Augment(image, second, RandomStream.Derive(7, 1, 2, 4));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Augment_DefaultOptions_StaysInUnitRange()
    {
        var augmenter = new ImageAugmenter(new AugmentationOptions(Brightness: 0.9, Contrast: 0.9), Size);
        var image = Ramp();
        var output = new float[Size * Size];
        for (var seed = 0; seed < 50; seed++)
        {
            augmenter.Augment(image, output, new RandomStream((ulong)seed));

            Assert.All(output, value => Assert.InRange(value, 0f, 1f));
        }
    }

    [Fact]
    public void DrawCrop_ManyDraws_RespectRanges()
    {
        var augmenter = new ImageAugmenter(new AugmentationOptions(CropScaleMin: 0.2, CropScaleMax: 1), Size);
        var random = new RandomStream(11);
        var areas = new List<double>();
        for (var i = 0; i < 500; i++)
        {
            var box = augmenter.DrawCrop(random);

            Assert.InRange(box.Top, 0, Size - box.Height);
            Assert.InRange(box.Left, 0, Size - box.Width);
            var area = (double)box.Width * box.Height / (Size * Size);
            areas.Add(area);
            if (box.Width != Size || box.Height != Size)
            {
                // Rounding of width and height to whole pixels widens the ranges slightly.
                Assert.InRange(area, 0.17, 1.0);
                Assert.InRange((double)box.Width / box.Height, 0.70, 1.43);
            }
        }

        Assert.True(areas.Min() < 0.3, $"smallest crop area {areas.Min():F2}");
        Assert.True(areas.Max() > 0.9, $"largest crop area {areas.Max():F2}");
    }

    [Fact]
    public void ResizeCrop_UniformRegion_KeepsValue()
    {
        var image = Enumerable.Repeat((byte)100, Size * Size).ToArray();
        var output = new float[Size * Size];

        new ImageAugmenter(Identity, Size).ResizeCrop(image, new CropBox(5, 7, 20, 13), flip: false, output);

        Assert.All(output, value => Assert.Equal(100 / 255f, value, 1e-6f));
    }

    [Fact]
    public void ResizeCrop_LeftHalf_UpsamplesLinearRamp()
    {
        // Column x of the image contains the value 4x. Stretching the left half (24 columns) to 48
        // columns by bilinear interpolation with half-pixel centres gives 4 * ((x + 0.5) / 2 - 0.5),
        // clamped to the source columns.
        var image = new byte[Size * Size];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                image[y * Size + x] = (byte)(4 * x);
            }
        }

        var output = new float[Size * Size];
        new ImageAugmenter(Identity, Size).ResizeCrop(image, new CropBox(0, 0, Size, Size / 2), flip: false, output);

        for (var x = 0; x < Size; x++)
        {
            var source = Math.Clamp((x + 0.5) / 2 - 0.5, 0, Size / 2 - 1);
            Assert.Equal((float)(4 * source / 255), output[10 * Size + x], 1e-5f);
        }
    }

    [Fact]
    public void Jitter_ContrastOnly_KeepsMeanOfUnclampedImage()
    {
        var options = Identity with { Contrast = 0.4, JitterProbability = 1 };
        var image = Enumerable.Range(0, Size * Size).Select(i => (byte)(100 + i % 40)).ToArray();
        var output = new float[Size * Size];

        new ImageAugmenter(options, Size).Augment(image, output, new RandomStream(5));

        var inputMean = image.Average(p => p / 255.0);
        Assert.Equal(inputMean, output.Average(p => (double)p), 1e-5);
        Assert.NotEqual(image[0] / 255f, output[0]);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 0.4)]
    [InlineData(0.2, 1.1)]
    public void Constructor_InvalidCropScale_Throws(double min, double max)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new ImageAugmenter(new AugmentationOptions(CropScaleMin: min, CropScaleMax: max), Size));

        Assert.Contains("CropScaleMin", error.Message);
    }

    [Fact]
    public void Constructor_InvalidProbability_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new ImageAugmenter(new AugmentationOptions(FlipProbability: 1.5), Size));

        Assert.Contains("FlipProbability", error.Message);
    }

    [Fact]
    public void Augment_WrongImageLength_Throws()
    {
        var augmenter = new ImageAugmenter(new AugmentationOptions(), Size);

        Assert.Throws<ArgumentException>(() => augmenter.Augment(new byte[10], new float[Size * Size], new RandomStream(1)));
    }

    /// <summary>A 48x48 image whose pixels differ left to right and top to bottom.</summary>
    private static byte[] Ramp() =>
        Enumerable.Range(0, Size * Size).Select(i => (byte)((i % Size) * 5 + (i / Size))).ToArray();
}
