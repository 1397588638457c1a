using FerOrleans.Cli.Infrastructure;
using FerOrleans.Learning.Data;

namespace FerOrleans.Cli.Tests;

public sealed class CropOptionTests
{
    [Theory]
    [InlineData("center")]
    [InlineData("none")]
    [InlineData("box:0.25,0.16,0.5,0.5")]
    [InlineData("center;size=64")]
    [InlineData("box:0,0.1,1,0.5;size=32")]
    public void FormatOfParse_KnownForms_RoundTrips(string text)
    {
        Assert.Equal(text, CropOption.Format(CropOption.Parse(text)));
    }

    [Fact]
    public void Parse_Box_ReadsFractions()
    {
        var options = CropOption.Parse("box:0.25,0.16,0.5,0.5");

        Assert.Equal(CropMode.Box, options.Crop);
        Assert.Equal(new CropBox(0.25, 0.16, 0.5, 0.5), options.Box);
    }

    [Fact]
    public void Parse_Cut_KeepsFullWidthBand()
    {
        var options = CropOption.Parse("cut:0.1,0.3");

        Assert.Equal(CropMode.Box, options.Crop);
        Assert.Equal(0, options.Box!.Left);
        Assert.Equal(0.1, options.Box.Top);
        Assert.Equal(1, options.Box.Width);
        Assert.Equal(0.6, options.Box.Height, 12);
        Assert.Equal(48, options.Size);
    }

    [Fact]
    public void Parse_SizeSuffix_SetsOutputSize()
    {
        Assert.Equal(64, CropOption.Parse("center;size=64").Size);
        Assert.Equal("center", CropOption.Format(CropOption.Parse("center;size=48")));
    }

    [Theory]
    [InlineData("cut:0.6,0.5")]
    [InlineData("cut:-0.1,0")]
    [InlineData("center;size=x")]
    public void Parse_InvalidCutOrSize_ThrowsNamingTheValue(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => CropOption.Parse(text));

        Assert.Contains(text, error.Message);
    }

    [Theory]
    [InlineData("square")]
    [InlineData("box:0.1,0.2")]
    [InlineData("box:0.6,0,0.6,1")]
    public void Parse_Invalid_ThrowsNamingTheValue(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => CropOption.Parse(text));

        Assert.Contains(text.Split(':')[0], error.Message);
    }
}
