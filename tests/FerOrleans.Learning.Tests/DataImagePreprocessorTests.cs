using System.Buffers.Binary;
using FerOrleans.Learning.Data;
using SkiaSharp;

namespace FerOrleans.Learning.Tests;

public sealed class DataImagePreprocessorTests
{
    [Theory]
    [InlineData(255, 0, 0, 54)]
    [InlineData(0, 255, 0, 182)]
    [InlineData(0, 0, 255, 18)]
    [InlineData(100, 150, 200, 143)] // 0.2126 x 100 + 0.7152 x 150 + 0.0722 x 200 = 142.98
    public void ImagePreprocessor_Load_SolidColour_GivesBt709Luma(byte red, byte green, byte blue, int expected)
    {
        using var folder = new DataTempFolder();
        var path = folder.WritePng("colour.png", 64, 64, (_, _) => new SKColor(red, green, blue));

        var gray = ImagePreprocessor.Load(path, PreprocessOptions.Default);

        Assert.Equal(48 * 48, gray.Length);
        Assert.InRange(gray.Min(), expected - 1, expected + 1);
        Assert.InRange(gray.Max(), expected - 1, expected + 1);
    }

    [Fact]
    public void ImagePreprocessor_Load_CenterSquare_KeepsMiddle()
    {
        using var folder = new DataTempFolder();
        // 200x100: red left quarter, green middle half, blue right quarter; the centre square is all green.
        var path = folder.WritePng("wide.png", 200, 100, (x, _) => ThreeBands(x));

        var gray = ImagePreprocessor.Load(path, new PreprocessOptions(CropMode.CenterSquare, Size: 20));

        Assert.Equal(400, gray.Length);
        Assert.InRange(gray.Min(), 181, 183);
        Assert.InRange(gray.Max(), 181, 183);
    }

    [Fact]
    public void ImagePreprocessor_Load_NoCrop_KeepsAllBands()
    {
        using var folder = new DataTempFolder();
        var path = folder.WritePng("wide.png", 200, 100, (x, _) => ThreeBands(x));

        var gray = ImagePreprocessor.Load(path, new PreprocessOptions(CropMode.None, Size: 20));

        Assert.InRange(gray[10 * 20 + 1], 53, 55);
        Assert.InRange(gray[10 * 20 + 10], 181, 183);
        Assert.InRange(gray[10 * 20 + 18], 17, 19);
    }

    [Fact]
    public void ImagePreprocessor_Load_BoxCrop_KeepsOnlyTheBox()
    {
        using var folder = new DataTempFolder();
        // White top-left quadrant, black elsewhere.
        var path = folder.WritePng("quadrant.png", 100, 100, (x, y) =>
            x < 50 && y < 50 ? SKColors.White : SKColors.Black);
        var options = new PreprocessOptions(CropMode.Box, new CropBox(0, 0, 0.5, 0.5), Size: 10);

        var gray = ImagePreprocessor.Load(path, options);

        Assert.InRange(gray.Min(), 254, 255);
    }

    [Fact]
    public void ImagePreprocessor_Load_AboveMaxPixels_Rejected()
    {
        using var folder = new DataTempFolder();
        var path = folder.WritePng("large.png", 1200, 1000, (x, y) => new SKColor((byte)x, (byte)y, 0));

        var error = Assert.Throws<ImageFileException>(() =>
            ImagePreprocessor.Load(path, PreprocessOptions.Default with { MaxPixels = 1_000_000 }));

        Assert.Contains(path, error.Message);
        Assert.Contains("1200x1000", error.Message);
        Assert.Contains("1000000", error.Message);
    }

    [Fact]
    public void ImagePreprocessor_Load_HugeHeader_RejectedBeforeDecoding()
    {
        using var folder = new DataTempFolder();
        var small = folder.WritePng("small.png", 2, 2, (_, _) => SKColors.Gray);
        var path = Path.Combine(folder.Path, "huge-header.png");
        // The PNG header now claims 20000x20000, but the pixel data is that of a 2x2 image. Only a size check
        // from the header, before decoding, reports the size; decoding would fail on the data instead.
        File.WriteAllBytes(path, PngWithHeaderSize(File.ReadAllBytes(small), 20000, 20000));

        var error = Assert.Throws<ImageFileException>(() => ImagePreprocessor.Load(path, PreprocessOptions.Default));

        Assert.Contains("20000x20000", error.Message);
        Assert.Contains("MaxPixels", error.Message);
    }

    [Fact]
    public void ImagePreprocessor_Load_NotAnImage_ThrowsNamingFile()
    {
        using var folder = new DataTempFolder();
        var path = folder.WriteText("broken.jpg", "this is not a JPEG");

        var error = Assert.Throws<ImageFileException>(() => ImagePreprocessor.Load(path, PreprocessOptions.Default));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void ImagePreprocessor_Load_TruncatedPng_ThrowsNamingFile()
    {
        using var folder = new DataTempFolder();
        var whole = folder.WritePng("whole.png", 64, 64, (x, y) => new SKColor((byte)(x * 4), (byte)(y * 4), 7));
        var bytes = File.ReadAllBytes(whole);
        var path = Path.Combine(folder.Path, "truncated.png");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<ImageFileException>(() => ImagePreprocessor.Load(path, PreprocessOptions.Default));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void ImagePreprocessor_Load_BoxWithoutRectangle_RejectsOptions()
    {
        using var folder = new DataTempFolder();
        var path = folder.WritePng("any.png", 4, 4, (_, _) => SKColors.Gray);

        var options = new PreprocessOptions(CropMode.Box);

        var error = Assert.Throws<ArgumentException>(() => ImagePreprocessor.Load(path, options));

        Assert.Contains("Box", error.Message);
    }

    [Fact]
    public void ImagePreprocessor_Load_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() =>
            ImagePreprocessor.Load("/nonexistent/face.jpg", PreprocessOptions.Default));
    }

    /// <summary>Returns the colour of column x of a 200-pixel-wide image: red, green (middle half), blue.</summary>
    private static SKColor ThreeBands(int x)
    {
        if (x < 50)
        {
            return SKColors.Red;
        }
        return x < 150 ? new SKColor(0, 255, 0) : SKColors.Blue;
    }

    /// <summary>Returns a copy of a PNG with the IHDR width and height replaced and the chunk CRC recomputed.</summary>
    private static byte[] PngWithHeaderSize(byte[] png, int width, int height)
    {
        var bytes = (byte[])png.Clone();
        // 8-byte signature, then the IHDR chunk: length (4), type "IHDR" (4), width (4), height (4), 5 more bytes, CRC.
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(29), Crc32(bytes.AsSpan(12, 17)));
        return bytes;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
