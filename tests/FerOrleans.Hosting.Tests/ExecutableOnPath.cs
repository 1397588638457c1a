namespace FerOrleans.Hosting.Tests;

internal static class ExecutableOnPath
{
    /// <summary>The full path of <paramref name="name"/> in a folder of PATH, or null when none has it.</summary>
    public static string? Find(string name) => (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, name))
        .FirstOrDefault(File.Exists);
}
