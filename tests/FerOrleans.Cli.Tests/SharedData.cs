namespace FerOrleans.Cli.Tests;

/// <summary>The read-only sample data beside the repository, found from the folder of FerOrleans.sln.</summary>
internal static class SharedData
{
    public static string LondonFaces => Path.Combine(FindRepoRoot(), "..", "shared", "data", "london-faces");

    public static string RepositoryRoot() => FindRepoRoot();

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
