using FerOrleans.Learning.Evaluation;

namespace FerOrleans.Learning.Tests;

public sealed class CamRenderingTests
{
    [Theory]
    [InlineData(0f, 0, 0, 128)]
    [InlineData(0.25f, 0, 128, 255)]
    [InlineData(0.5f, 128, 255, 128)]
    [InlineData(0.75f, 255, 128, 0)]
    [InlineData(1f, 128, 0, 0)]
    [InlineData(-3f, 0, 0, 128)]
    [InlineData(7f, 128, 0, 0)]
    public void JetColorMap_Color_MatchesPiecewiseLinearJet(float value, int red, int green, int blue)
    {
        var (r, g, b) = JetColorMap.Color(value);

        Assert.Equal(red, r);
        Assert.Equal(green, g);
        Assert.Equal(blue, b);
    }

    [Fact]
    public void CamOverlay_Blend_MixesGrayAndColour()
    {
        byte[] gray = [0, 200];
        float[] map = [1f, 0f];

        var rgba = CamOverlay.Blend(gray, map, alpha: 0.5f);

        // Pixel 0: 0.5 x 0 + 0.5 x (128, 0, 0); pixel 1: 0.5 x 200 + 0.5 x (0, 0, 128).
        Assert.Equal(new byte[] { 64, 0, 0, 255, 100, 100, 164, 255 }, rgba);
    }

    [Fact]
    public void CamOverlay_BlendWithAlphaZero_ReturnsGray()
    {
        byte[] gray = [7, 99, 255];

        var rgba = CamOverlay.Blend(gray, [0.3f, 0.6f, 0.9f], alpha: 0f);

        Assert.Equal(new byte[] { 7, 7, 7, 255, 99, 99, 99, 255, 255, 255, 255, 255 }, rgba);
    }

    [Fact]
    public void CamOverlay_SizesDiffer_ThrowsNamingCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => CamOverlay.Blend(new byte[4], new float[3]));

        Assert.Contains("4 pixels", error.Message);
        Assert.Contains("3 values", error.Message);
    }

    [Fact]
    public void NpyFile_WriteThenRead_RoundTripsShapeAndValues()
    {
        using var folder = new DataTempFolder();
        var path = Path.Combine(folder.Path, "maps.npy");
        var values = Enumerable.Range(0, 2 * 3 * 4).Select(i => i * 0.25f - 1f).ToArray();

        NpyFile.WriteFloat32(path, values, [2, 3, 4]);
        var (read, shape) = NpyFile.ReadFloat32(path);

        Assert.Equal(new[] { 2, 3, 4 }, shape);
        Assert.Equal(values, read);
    }

    [Fact]
    public void NpyFile_Write_HasVersion1HeaderAlignedTo64()
    {
        using var folder = new DataTempFolder();
        var path = Path.Combine(folder.Path, "one.npy");

        NpyFile.WriteFloat32(path, [1.5f], [1]);
        var bytes = File.ReadAllBytes(path);

        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }, bytes[..8]);
        var headerLength = bytes[8] | (bytes[9] << 8);
        Assert.Equal(0, (10 + headerLength) % 64);
        var header = System.Text.Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.StartsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", header);
        Assert.EndsWith("\n", header);
        Assert.Equal(10 + headerLength + 4, bytes.Length);
        Assert.Equal(1.5f, BitConverter.ToSingle(bytes, 10 + headerLength));
    }

    [Fact]
    public void NpyFile_ShapeDoesNotMatch_ThrowsNamingShape()
    {
        using var folder = new DataTempFolder();

        var error = Assert.Throws<ArgumentException>(
            () => NpyFile.WriteFloat32(Path.Combine(folder.Path, "bad.npy"), new float[5], [2, 3]));

        Assert.Contains("(2, 3)", error.Message);
    }
}
