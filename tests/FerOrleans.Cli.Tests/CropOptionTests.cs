using FerOrleans.Cli.Infrastructure;
using FerOrleans.Learning.Data;

namespace FerOrleans.Cli.Tests;

public sealed class CropOptionTests
{
    [Theory]
    [InlineData("center")]
    [InlineData("none")]
    [InlineData("box:0.25,0.16,0.5,0.5")]
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
