namespace FerOrleans.Learning.Tests;

/// <summary>The data-format fixtures in Fixtures/ (written by Fixtures/make_fixtures.py).</summary>
internal static class DataFixtures
{
    public static string Root { get; } =
        System.IO.Path.Combine(DataTestPaths.RepoRoot, "tests", "FerOrleans.Learning.Tests", "Fixtures");

    /// <summary>Returns the full path of a fixture given relative to Fixtures/.</summary>
    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);
}
