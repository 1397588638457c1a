namespace FerOrleans.Storage;

/// <summary>Checks Azure Blob Storage container names before any request is sent.</summary>
internal static class AzureContainerName
{
    private const int MinLength = 3;
    private const int MaxLength = 63;

    /// <summary>
    /// Checks the service's rules: 3 to 63 characters of lowercase letters, digits and '-', starting and ending
    /// with a letter or digit, with no "--".
    /// </summary>
    /// <exception cref="ArgumentException">The name breaks a rule, which the message names with the name.</exception>
    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        string? problem = FindProblem(name);
        if (problem is not null)
        {
            throw new ArgumentException($"Azure container name '{name}' is invalid: {problem}.", nameof(name));
        }
    }

    private static string? FindProblem(string name)
    {
        if (name.Length is < MinLength or > MaxLength)
        {
            return $"it must be {MinLength} to {MaxLength} characters long, this one has {name.Length}";
        }

        if (!name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return "only lowercase letters a-z, digits and '-' are allowed";
        }

        if (name[0] == '-' || name[^1] == '-')
        {
            return "it must start and end with a letter or digit";
        }

        if (name.Contains("--", StringComparison.Ordinal))
        {
            return "it must not contain consecutive '-' characters";
        }

        return null;
    }
}
