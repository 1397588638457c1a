namespace FerOrleans.Storage;

/// <summary>Named predicates for the <see cref="IOException"/> cases that the local folder store handles.</summary>
internal static class IOExceptionExtensions
{
    // On Unix, .NET emulates FileShare.None with flock(LOCK_EX | LOCK_NB) and reports the errno as HResult.
    private const int LinuxWouldBlock = 11;
    private const int MacOSWouldBlock = 35;

    // On Windows the HResult wraps ERROR_SHARING_VIOLATION (32) or ERROR_LOCK_VIOLATION (33).
    private const int WindowsSharingViolation = 32;
    private const int WindowsLockViolation = 33;

    /// <summary>Checks whether another handle holds the file open with <see cref="FileShare.None"/>.</summary>
    public static bool IsSharingViolation(this IOException ex)
    {
        if (ex.GetType() != typeof(IOException))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return (ex.HResult & 0xFFFF) is WindowsSharingViolation or WindowsLockViolation;
        }

        return ex.HResult is LinuxWouldBlock or MacOSWouldBlock;
    }

    /// <summary>Checks whether the file or one of its folders does not exist.</summary>
    public static bool IsNotFound(this IOException ex) =>
        ex is FileNotFoundException or DirectoryNotFoundException;
}
