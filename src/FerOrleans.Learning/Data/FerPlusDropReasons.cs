namespace FerOrleans.Learning.Data;

/// <summary>Reasons a valid FER+ row is dropped, as counted in <see cref="ImportReport.Dropped"/>.</summary>
public static class FerPlusDropReasons
{
    /// <summary>The image name is empty: FER+ marks the row as not a face.</summary>
    public const string NotAFace = "not a face (empty image name)";

    /// <summary>The most votes went to "unknown".</summary>
    public const string MajorityUnknown = "majority unknown";

    /// <summary>The most votes went to "NF" (not a face).</summary>
    public const string MajorityNotAFace = "majority NF";

    /// <summary>
    /// The most votes went to contempt and the contempt policy is <see cref="FerPlusContemptPolicy.Drop"/>.
    /// </summary>
    public const string MajorityContempt = "majority contempt";

    /// <summary>Two or more columns share the most votes.</summary>
    public const string Tie = "tie";

    /// <summary>Every counted vote is zero.</summary>
    public const string NoVotes = "no votes";
}
