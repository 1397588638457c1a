using System.Text.RegularExpressions;

namespace FerOrleans.Learning.Data;

/// <summary>
/// A parsed CAFE (Child Affective Facial Expression set) file name, such as <c>angryopen_F-AA-02.jpg</c>:
/// an emotion word, an optional variant (<c>open</c>, mouth open; <c>withtongue</c>, disgust only), then
/// <c>_SEX-ETHNICITY-NN</c> with an optional <c>b</c> after the number and an optional <c>-N</c> photo suffix.
/// <c>SEX-ETHNICITY-NN</c> with its <c>b</c> is the child id; the <c>-N</c> suffix numbers another photo of the
/// same child and expression.
/// </summary>
/// <param name="Emotion">The label given by the emotion word.</param>
/// <param name="Variant">"open", "withtongue" or empty.</param>
/// <param name="ChildId">The subject id, for example "F-AA-02" or "F-AA-02b".</param>
/// <param name="Sex">The sex letter, "F" or "M".</param>
/// <param name="Ethnicity">The ethnicity code, for example "AA".</param>
/// <param name="Take">1, or the number of the <c>-N</c> suffix.</param>
public sealed partial record CafeFileName(
    Emotion Emotion, string Variant, string ChildId, string Sex, string Ethnicity, int Take)
{
    /// <summary>The emotion words of CAFE file names, mapped to the FER2013 labels.</summary>
    public static IReadOnlyDictionary<string, Emotion> EmotionWords { get; } =
        new Dictionary<string, Emotion>(StringComparer.OrdinalIgnoreCase)
        {
            ["angry"] = Emotion.Angry,
            ["disgust"] = Emotion.Disgust,
            ["fearful"] = Emotion.Fear,
            ["happy"] = Emotion.Happy,
            ["neutral"] = Emotion.Neutral,
            ["sad"] = Emotion.Sad,
            ["surprise"] = Emotion.Surprise,
        };

    /// <summary>The accepted file-name forms, for error messages.</summary>
    public const string AcceptedForms =
        "EMOTION[open|withtongue]_SEX-ETHNICITY-NN[b][-N].jpg with EMOTION one of angry, disgust, fearful, happy, "
        + "neutral, sad, surprise (withtongue only after disgust), SEX F or M, for example angryopen_F-AA-02.jpg";

    /// <summary>True when the file name has the <c>open</c> variant.</summary>
    public bool MouthOpen => Variant == "open";

    /// <summary>Parses a file name (without folder); the extension must be .jpg, .jpeg or .png.</summary>
    /// <exception cref="FormatException">The name does not follow the CAFE scheme; the message names the file.</exception>
    public static CafeFileName Parse(string fileName, string path)
    {
        var match = Pattern().Match(fileName);
        if (!match.Success)
        {
            throw new FormatException(
                $"CAFE file '{path}' does not follow the CAFE naming scheme, so its emotion and child are unknown. "
                + $"Expected {AcceptedForms}. Rename the file or remove it from the folder.");
        }

        var word = match.Groups["emotion"].Value;
        if (!EmotionWords.TryGetValue(word, out var emotion))
        {
            throw new FormatException(
                $"CAFE file '{path}' starts with the unknown emotion word '{word}'. "
                + $"Expected one of {string.Join(", ", EmotionWords.Keys)}.");
        }
        var variant = match.Groups["variant"].Value.ToLowerInvariant();
        if (variant == "withtongue" && emotion != Emotion.Disgust)
        {
            throw new FormatException(
                $"CAFE file '{path}' has the variant 'withtongue' after '{word}'; CAFE uses it only after 'disgust'. "
                + "Rename the file or remove it from the folder.");
        }

        var sex = match.Groups["sex"].Value.ToUpperInvariant();
        var ethnicity = match.Groups["ethnicity"].Value.ToUpperInvariant();
        var childId = $"{sex}-{ethnicity}-{match.Groups["number"].Value}{match.Groups["b"].Value.ToLowerInvariant()}";
        var take = match.Groups["take"].Success ? int.Parse(match.Groups["take"].Value) : 1;
        return new CafeFileName(emotion, variant, childId, sex, ethnicity, take);
    }

    // The emotion word is matched as letters, then split from a known variant suffix, so an unknown
    // word such as "happyish" fails with the word named instead of matching "happy".
    [GeneratedRegex(
        @"^(?<emotion>[a-z]+?)(?<variant>open|withtongue)?_(?<sex>[fm])-(?<ethnicity>[a-z]{1,3})-(?<number>\d{1,3})"
        + @"(?<b>b)?(?:-(?<take>\d{1,2}))?\.(?:jpe?g|png)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
