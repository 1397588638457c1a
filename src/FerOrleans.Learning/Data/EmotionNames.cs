namespace FerOrleans.Learning.Data;

/// <summary>
/// Emotion names and their common aliases (folder names of image data sets, CAFE file-name words,
/// FER+ column names), mapped to <see cref="Emotion"/> without regard to case. "calm" (a separate class in
/// RAVDESS) and "contempt" (FER+) are not aliases: neither is one of the seven FER2013 classes.
/// </summary>
public static class EmotionNames
{
    private static readonly Dictionary<string, Emotion> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["angry"] = Emotion.Angry,
        ["anger"] = Emotion.Angry,
        ["disgust"] = Emotion.Disgust,
        ["disgusted"] = Emotion.Disgust,
        ["fear"] = Emotion.Fear,
        ["fearful"] = Emotion.Fear,
        ["afraid"] = Emotion.Fear,
        ["happy"] = Emotion.Happy,
        ["happiness"] = Emotion.Happy,
        ["joy"] = Emotion.Happy,
        ["sad"] = Emotion.Sad,
        ["sadness"] = Emotion.Sad,
        ["surprise"] = Emotion.Surprise,
        ["surprised"] = Emotion.Surprise,
        ["neutral"] = Emotion.Neutral,
    };

    /// <summary>All accepted names, canonical names first, in label id order.</summary>
    public static IReadOnlyList<string> AllowedNames { get; } =
        Aliases.OrderBy(a => a.Key != Name(a.Value)).ThenBy(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => a.Key)
            .ToArray();

    /// <summary>
    /// Parses an emotion name or alias, ignoring case and surrounding white space.
    /// <paramref name="context"/> names where the value came from (a file or folder) for the error message.
    /// </summary>
    /// <exception cref="FormatException">The name is not in the table.</exception>
    public static Emotion Parse(string name, string context)
    {
        if (TryParse(name, out var emotion))
        {
            return emotion;
        }

        throw new FormatException(
            $"Unknown emotion name '{name}' in {context}. "
            + $"Rename it to one of: {string.Join(", ", AllowedNames)}.");
    }

    /// <summary>Parses an emotion name or alias, ignoring case and surrounding white space.</summary>
    public static bool TryParse(string? name, out Emotion emotion)
    {
        emotion = default;
        return name is not null && Aliases.TryGetValue(name.Trim(), out emotion);
    }

    /// <summary>
    /// Parses a label given as a FER2013 id 0-6 or as an emotion name or alias.
    /// <paramref name="context"/> names where the value came from for the error message.
    /// </summary>
    /// <exception cref="FormatException">The value is neither an id 0-6 nor a name in the table.</exception>
    public static Emotion ParseIdOrName(string value, string context)
    {
        var text = value.Trim();
        if (text.Length == 1 && text[0] is >= '0' and <= '6')
        {
            return (Emotion)(text[0] - '0');
        }
        if (TryParse(text, out var emotion))
        {
            return emotion;
        }
        throw new FormatException(
            $"Unknown label '{value}' in {context}. Give a FER2013 id 0-6 ({LabelTableText}) "
            + $"or one of: {string.Join(", ", AllowedNames)}.");
    }

    /// <summary>The FER2013 label table as text: "0 angry, 1 disgust, ..., 6 neutral".</summary>
    public static string LabelTableText { get; } =
        string.Join(", ", Enum.GetValues<Emotion>().Select(e => $"{(int)e} {Name(e)}"));

    /// <summary>Returns the canonical lower-case name, for example "happy" for <see cref="Emotion.Happy"/>.</summary>
    public static string Name(Emotion emotion) => emotion switch
    {
        Emotion.Angry => "angry",
        Emotion.Disgust => "disgust",
        Emotion.Fear => "fear",
        Emotion.Happy => "happy",
        Emotion.Sad => "sad",
        Emotion.Surprise => "surprise",
        Emotion.Neutral => "neutral",
        _ => throw new ArgumentOutOfRangeException(nameof(emotion), emotion, "Not one of the seven emotion ids 0-6."),
    };
}
