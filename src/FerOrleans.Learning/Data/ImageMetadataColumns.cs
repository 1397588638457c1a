namespace FerOrleans.Learning.Data;

/// <summary>Names of the <see cref="ImageMetadata"/> columns that the readers write.</summary>
public static class ImageMetadataColumns
{
    /// <summary>
    /// The part of the source an image belongs to: the FER2013 <c>Usage</c> (Training, PublicTest, PrivateTest)
    /// or the top folder of the image-folder layout (train, test).
    /// </summary>
    public const string Usage = "usage";

    /// <summary>CAFE: "true" when the file name has the <c>open</c> variant (mouth open), else "false".</summary>
    public const string MouthOpen = "mouth-open";

    /// <summary>CAFE: the variant word after the emotion (<c>open</c>, <c>withtongue</c>), or empty.</summary>
    public const string Variant = "variant";

    /// <summary>CAFE: the photo number of a child and expression, "1" or the number of a <c>-N</c> suffix.</summary>
    public const string Take = "take";

    /// <summary>FER+: the ten vote counts in file column order (neutral ... NF), space-separated.</summary>
    public const string FerPlusVotes = "ferplus-votes";

    /// <summary>FER+: the image name of the row (for example fer0000000.png); not used for joining.</summary>
    public const string FerPlusImage = "ferplus-image";

    /// <summary>
    /// FER+ probability labels: seven probabilities in FER2013 label id order (angry ... neutral), space-separated,
    /// from the votes of those seven emotions (contempt, unknown and NF votes left out).
    /// </summary>
    public const string SoftLabel = "soft-label";
}
