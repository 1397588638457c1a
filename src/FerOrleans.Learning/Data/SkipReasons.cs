namespace FerOrleans.Learning.Data;

/// <summary>
/// Short names of the reasons an input row or file is invalid. An import report counts skipped items per reason.
/// </summary>
public static class SkipReasons
{
    /// <summary>A CSV row has another number of fields than its header, or an unclosed quote.</summary>
    public const string MalformedRow = "malformed row";

    /// <summary>A label is not a FER2013 id 0-6 or an accepted emotion name.</summary>
    public const string InvalidLabel = "invalid label";

    /// <summary>A FER2013 row has another number of pixel values than the image size needs.</summary>
    public const string PixelCount = "wrong pixel count";

    /// <summary>A FER2013 pixel token is not a number, or a value lies outside 0-255.</summary>
    public const string PixelValue = "invalid pixel value";

    /// <summary>An image file does not exist.</summary>
    public const string MissingFile = "missing file";

    /// <summary>An image file is not a decodable JPEG or PNG, or is truncated.</summary>
    public const string Undecodable = "undecodable image";

    /// <summary>An image header declares more pixels than the decode limit.</summary>
    public const string OverPixelLimit = "over pixel limit";

    /// <summary>A CAFE file name does not follow the CAFE naming scheme.</summary>
    public const string UnknownFileName = "unknown file name";

    /// <summary>A FER+ row has invalid vote counts.</summary>
    public const string InvalidVotes = "invalid votes";
}
