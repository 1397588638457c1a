namespace FerOrleans.Storage;

/// <summary>
/// The one place that checks blob keys. A key is a relative path of segments separated by '/', for example
/// <c>datasets/london-A/shard-0000.bin</c>. Each segment is made of the characters A-Z a-z 0-9 . _ = + - and is
/// neither "." nor "..".
/// </summary>
public static class BlobKey
{
    /// <summary>The maximum length of a key in characters, the limit Azure Blob Storage puts on blob names.</summary>
    public const int MaxLength = 1024;

    /// <summary>
    /// The maximum length of one segment in characters. Linux file systems allow 255 bytes per file name, and the
    /// local folder store appends up to 40 characters for its temporary files.
    /// </summary>
    public const int MaxSegmentLength = 200;

    /// <summary>The characters allowed in a segment, besides ASCII letters and digits.</summary>
    public const string AllowedPunctuation = "._=+-";

    private const string AllowedDescription = "A-Z a-z 0-9 . _ = + -";

    /// <summary>Checks that <paramref name="key"/> is a valid blob key.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key breaks a rule, which the message names with the key.</exception>
    public static void Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);

        string? problem = FindProblem(key, isPrefix: false);
        if (problem is not null)
        {
            throw new ArgumentException($"Blob key '{key}' is invalid: {problem}.", nameof(key));
        }
    }

    /// <summary>
    /// Checks that <paramref name="prefix"/> is a valid listing prefix: empty, or the start of a valid key. Its
    /// last segment may be empty (a trailing '/') or partial, so "datasets/" and "datasets/lon" are both valid.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="prefix"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The prefix breaks a rule, which the message names with the prefix.
    /// </exception>
    public static void ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);

        string? problem = prefix.Length == 0 ? null : FindProblem(prefix, isPrefix: true);
        if (problem is not null)
        {
            throw new ArgumentException($"Blob key prefix '{prefix}' is invalid: {problem}.", nameof(prefix));
        }
    }

    private static string? FindProblem(string key, bool isPrefix)
    {
        if (key.Length == 0)
        {
            return "a key must not be empty";
        }

        if (key.Length > MaxLength)
        {
            return $"a key must be at most {MaxLength} characters long, this one has {key.Length}";
        }

        if (key.Contains('\\'))
        {
            return "backslashes are not allowed, separate segments with '/'";
        }

        if (key[0] == '/')
        {
            return "absolute paths are not allowed, a key must not start with '/'";
        }

        string[] segments = key.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            bool isLast = i == segments.Length - 1;
            string? problem = FindSegmentProblem(segments[i], allowPartial: isPrefix && isLast);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? FindSegmentProblem(string segment, bool allowPartial)
    {
        if (allowPartial)
        {
            // The last segment of a prefix may be empty or may be the start of a longer segment such as "..x".
            return FindCharacterProblem(segment);
        }

        if (segment.Length == 0)
        {
            return "empty segments are not allowed, a key must not contain '//' or end with '/'";
        }

        if (segment is "." or "..")
        {
            return $"the segment '{segment}' is not allowed, a key must not contain '.' or '..' segments";
        }

        if (segment.Length > MaxSegmentLength)
        {
            return $"a segment must be at most {MaxSegmentLength} characters long, '{segment}' has {segment.Length}";
        }

        return FindCharacterProblem(segment);
    }

    private static string? FindCharacterProblem(string segment)
    {
        foreach (char c in segment)
        {
            if (!IsAllowed(c))
            {
                return $"the character '{c}' (U+{(int)c:X4}) is not allowed, segments may only contain " +
                    AllowedDescription;
            }
        }

        return null;
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || AllowedPunctuation.Contains(c);
}
