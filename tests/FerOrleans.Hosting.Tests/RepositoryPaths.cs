namespace FerOrleans.Hosting.Tests;

/// <summary>Paths inside this repository, found by walking up from the test binaries to FerOrleans.sln.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FerOrleans.sln")))
            {
                return folder.FullName;
            }
        }
        throw new DirectoryNotFoundException($"FerOrleans.sln not found above {AppContext.BaseDirectory}.");
    }
}
