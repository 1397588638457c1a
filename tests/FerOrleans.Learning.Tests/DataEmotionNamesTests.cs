using FerOrleans.Learning.Data;

namespace FerOrleans.Learning.Tests;

public sealed class DataEmotionNamesTests
{
    [Theory]
    [InlineData("angry", Emotion.Angry)]
    [InlineData("Anger", Emotion.Angry)]
    [InlineData("DISGUSTED", Emotion.Disgust)]
    [InlineData("fearful", Emotion.Fear)]
    [InlineData("afraid", Emotion.Fear)]
    [InlineData("Happiness", Emotion.Happy)]
    [InlineData("joy", Emotion.Happy)]
    [InlineData("sadness", Emotion.Sad)]
    [InlineData("surprised", Emotion.Surprise)]
    [InlineData(" neutral ", Emotion.Neutral)]
    public void EmotionNames_Parse_Alias_ReturnsEmotion(string name, Emotion expected)
    {
        Assert.Equal(expected, EmotionNames.Parse(name, "test"));
    }

    [Fact]
    public void EmotionNames_Parse_UnknownName_Throws()
    {
        var error = Assert.Throws<FormatException>(() => EmotionNames.Parse("contempt", "folder 'x/contempt'"));

        Assert.Contains("'contempt'", error.Message);
        Assert.Contains("folder 'x/contempt'", error.Message);
        Assert.Contains("happy", error.Message);
        Assert.Contains("surprised", error.Message);
    }

    [Fact]
    public void EmotionNames_NameThenParse_EveryEmotion_RoundTrips()
    {
        foreach (var emotion in Enum.GetValues<Emotion>())
        {
            var name = EmotionNames.Name(emotion);

            Assert.Equal(name.ToLowerInvariant(), name);
            Assert.Equal(emotion, EmotionNames.Parse(name, "test"));
        }
    }

    [Fact]
    public void EmotionNames_Name_Happy_IsLowerCaseHappy()
    {
        Assert.Equal("happy", EmotionNames.Name(Emotion.Happy));
    }

    [Fact]
    public void EmotionNames_AllowedNames_CanonicalFirst()
    {
        var canonical = Enum.GetValues<Emotion>().Select(EmotionNames.Name).ToArray();

        Assert.Equal(canonical, EmotionNames.AllowedNames.Take(7).ToArray());
        Assert.Equal(EmotionNames.AllowedNames.Count, EmotionNames.AllowedNames.Distinct().Count());
    }
}
