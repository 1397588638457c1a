namespace FerOrleans.Learning.Data;

/// <summary>A data file has invalid content at a known line.</summary>
public sealed class DataFormatException : FormatException
{
    /// <param name="filePath">The file that contains the invalid line.</param>
    /// <param name="lineNumber">1-based line number in the file.</param>
    /// <param name="problem">What was found and how to fix it.</param>
    /// <param name="reason">Short reason from <see cref="SkipReasons"/>, used to count skipped rows.</param>
    public DataFormatException(
        string filePath, int lineNumber, string problem, string reason = SkipReasons.MalformedRow)
        : base($"{filePath}, line {lineNumber}: {problem}")
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Problem = problem;
        Reason = reason;
    }

    public string FilePath { get; }

    /// <summary>1-based line number in <see cref="FilePath"/>.</summary>
    public int LineNumber { get; }

    /// <summary>The message without the file and line prefix.</summary>
    public string Problem { get; }

    /// <summary>Short reason from <see cref="SkipReasons"/>.</summary>
    public string Reason { get; }
}
