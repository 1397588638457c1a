using System.Globalization;

namespace FerOrleans.Learning.Data;

/// <summary>
/// The ten vote counts of one FER+ row, in the column order of <c>fer2013new.csv</c>, and the majority rule:
/// the label is the one column with the most votes; a tie for the most votes, or a majority for unknown, NF or
/// (under <see cref="FerPlusContemptPolicy.Drop"/>) contempt, drops the row.
/// </summary>
internal sealed class FerPlusVotes(int[] counts)
{
    /// <summary>The vote columns of fer2013new.csv in file order.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } =
        ["neutral", "happiness", "surprise", "sadness", "anger", "disgust", "fear", "contempt", "unknown", "NF"];

    /// <summary>The FER2013 label of each of the first seven vote columns.</summary>
    private static readonly Emotion[] Emotions =
        [Emotion.Neutral, Emotion.Happy, Emotion.Surprise, Emotion.Sad, Emotion.Angry, Emotion.Disgust, Emotion.Fear];

    private const int Contempt = 7;
    private const int Unknown = 8;
    private const int NotAFace = 9;

    /// <summary>Returns the majority label, or null with the drop reason.</summary>
    public (Emotion? Label, string? DropReason) Majority(FerPlusContemptPolicy contempt)
    {
        var counted = counts.ToArray();
        if (contempt == FerPlusContemptPolicy.Revote)
        {
            counted[Contempt] = 0;
        }

        var max = counted.Max();
        if (max == 0)
        {
            return (null, FerPlusDropReasons.NoVotes);
        }
        var winners = Enumerable.Range(0, counted.Length).Where(i => counted[i] == max).ToArray();
        if (winners.Length > 1)
        {
            return (null, FerPlusDropReasons.Tie);
        }
        return winners[0] switch
        {
            Contempt => (null, FerPlusDropReasons.MajorityContempt),
            Unknown => (null, FerPlusDropReasons.MajorityUnknown),
            NotAFace => (null, FerPlusDropReasons.MajorityNotAFace),
            var column => (Emotions[column], null),
        };
    }

    /// <summary>The vote counts space-separated, in file column order.</summary>
    public string Text() => string.Join(' ', counts);

    /// <summary>
    /// Returns the share of the seven emotions' votes for each emotion, in FER2013 label id order, space-separated
    /// with up to four decimals. Contempt, unknown and NF votes are left out of both counts.
    /// </summary>
    public string SoftLabelText()
    {
        var shares = new double[Emotions.Length];
        var total = 0;
        for (var i = 0; i < Emotions.Length; i++)
        {
            shares[(int)Emotions[i]] = counts[i];
            total += counts[i];
        }
        var text = shares.Select(v => (total == 0 ? 0 : v / total).ToString("0.####", CultureInfo.InvariantCulture));
        return string.Join(' ', text);
    }

    /// <summary>Parses the ten vote fields.</summary>
    /// <exception cref="DataFormatException">A field is not a whole number 0 or more.</exception>
    public static FerPlusVotes Parse(string[] fields, string path, int lineNumber)
    {
        var counts = new int[ColumnNames.Count];
        for (var i = 0; i < counts.Length; i++)
        {
            if (!int.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out counts[i]))
            {
                throw new DataFormatException(path, lineNumber,
                    $"The {ColumnNames[i]} vote count is '{Fer2013Columns.Shorten(fields[i])}', not a whole number 0 "
                    + "or more. Fix or remove the row.",
                    SkipReasons.InvalidVotes);
            }
        }
        return new FerPlusVotes(counts);
    }
}
