namespace FerOrleans.Storage.Tests;

/// <summary>Finds the repository root, the first folder above the test binaries that contains FerOrleans.sln.</summary>
internal static class RepositoryRoot
{
    private const string SolutionFile = "FerOrleans.sln";

    public static string Find()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No {SolutionFile} found above '{AppContext.BaseDirectory}'. Run the tests from the repository.");
    }
}
