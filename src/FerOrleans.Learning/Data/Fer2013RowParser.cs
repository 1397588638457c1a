using System.Globalization;

namespace FerOrleans.Learning.Data;

/// <summary>Parses the label and pixel fields of one FER2013 row from spans, without allocating per value.</summary>
internal static class Fer2013RowParser
{
    /// <summary>Parses a label id 0-6 (white space around it allowed).</summary>
    /// <exception cref="DataFormatException">The field is not an integer in 0-6.</exception>
    public static Emotion ParseLabel(ReadOnlySpan<char> field, string path, int lineNumber)
    {
        var text = field.Trim();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || id < (int)Emotion.Angry || id > (int)Emotion.Neutral)
        {
            throw new DataFormatException(path, lineNumber,
                $"Emotion label '{Fer2013Columns.Shorten(text)}' is not a FER2013 label id 0-6 "
                + "(0 angry, 1 disgust, 2 fear, 3 happy, 4 sad, 5 surprise, 6 neutral). Fix or remove the row.",
                SkipReasons.InvalidLabel);
        }
        return (Emotion)id;
    }

    /// <summary>
    /// Parses white-space separated values 0-255 into <paramref name="destination"/>, which must be exactly
    /// as long as the expected value count.
    /// </summary>
    /// <exception cref="DataFormatException">
    /// A token is not a number, a value exceeds 255, or the count differs.
    /// </exception>
    public static void ParsePixels(ReadOnlySpan<char> field, Span<byte> destination, string path, int lineNumber)
    {
        var count = 0;
        var i = 0;
        while (true)
        {
            while (i < field.Length && IsSeparator(field[i]))
            {
                i++;
            }
            if (i >= field.Length)
            {
                break;
            }

            var start = i;
            var value = 0;
            var numeric = true;
            while (i < field.Length && !IsSeparator(field[i]))
            {
                var digit = field[i] - '0';
                if ((uint)digit > 9)
                {
                    numeric = false;
                }
                else if (value <= byte.MaxValue)
                {
                    value = value * 10 + digit;
                }
                i++;
            }

            var token = field[start..i];
            if (!numeric)
            {
                throw new DataFormatException(path, lineNumber,
                    $"Pixel value {count + 1} is '{Fer2013Columns.Shorten(token)}', not a number. "
                    + "Pixels must be space-separated integers 0-255; fix or remove the row.",
                    SkipReasons.PixelValue);
            }
            if (value > byte.MaxValue)
            {
                throw new DataFormatException(path, lineNumber,
                    $"Pixel value {count + 1} is {Fer2013Columns.Shorten(token)}, outside 0-255. "
                    + "Fix or remove the row.",
                    SkipReasons.PixelValue);
            }
            if (count < destination.Length)
            {
                destination[count] = (byte)value;
            }
            count++;
        }

        if (count != destination.Length)
        {
            var side = (int)Math.Round(Math.Sqrt(destination.Length));
            throw new DataFormatException(path, lineNumber,
                $"The row has {count} pixel values; {side}x{side} images need {destination.Length}. "
                + "Fix or remove the row, or skip such rows (--skip-invalid).",
                SkipReasons.PixelCount);
        }
    }

    private static bool IsSeparator(char c) => c is ' ' or '\t';
}
