namespace FerOrleans.Learning.Data;

/// <summary>An image file cannot be used: it is not decodable, is truncated or exceeds the decode limit.</summary>
public sealed class ImageFileException : FormatException
{
    /// <param name="filePath">The image file.</param>
    /// <param name="message">What failed, naming the file, and how to fix it.</param>
    /// <param name="reason">Short reason from <see cref="SkipReasons"/>.</param>
    public ImageFileException(string filePath, string message, string reason)
        : base(message)
    {
        FilePath = filePath;
        Reason = reason;
    }

    public string FilePath { get; }

    /// <summary>Short reason from <see cref="SkipReasons"/>.</summary>
    public string Reason { get; }
}
