namespace FerOrleans.Reporting.Tests;

/// <summary>Locations of the shared reference files next to the repository.</summary>
internal static class ReferencePaths
{
    private const string CasesVariable = "FER_MWU_CASES";
    private const string SolutionFile = "FerOrleans.sln";

    /// <summary>
    /// Finds the scipy Mann-Whitney U cases: the path in FER_MWU_CASES when set, else
    /// ../shared/reference/mannwhitney-cases.json next to the repository root (the folder with FerOrleans.sln).
    /// </summary>
    public static string MannWhitneyCases()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(CasesVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        return Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "reference", "mannwhitney-cases.json"));
    }

    private static string RepositoryRoot()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, SolutionFile)))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException(
            $"No {SolutionFile} found above {AppContext.BaseDirectory}; run the tests from the repository "
            + $"or set {CasesVariable} to the cases file.");
    }
}
