namespace FerOrleans.Learning.Tests;

/// <summary>
/// Locations of the shared sample data, found from the repository root (the folder of FerOrleans.sln).
/// </summary>
internal static class DataTestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The read-only shared folder next to the repository.</summary>
    public static string Shared => Path.Combine(RepoRoot, "..", "shared");

    public static string LondonFaces => Path.Combine(Shared, "data", "london-faces");

    public static string LondonFacesCsv => Path.Combine(Shared, "data", "london-faces-fer2013.csv");

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FerOrleans.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName
            ?? throw new DirectoryNotFoundException($"No FerOrleans.sln above '{AppContext.BaseDirectory}'.");
    }
}
