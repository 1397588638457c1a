namespace FerOrleans.Storage;

/// <summary>
/// The parts of an Azure Storage connection string that are safe to log: the account name and the blob endpoint
/// without user info or query. AccountKey and SharedAccessSignature are never read.
/// </summary>
internal static class AzureConnectionStringSummary
{
    private const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>Describes the account in <paramref name="connectionString"/>, or states that it is missing.</summary>
    public static string Describe(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "azure blob account (connection string not set)";
        }

        Dictionary<string, string> settings = Parse(connectionString);
        string account = FindAccountName(settings);
        string? endpoint = FindSafeEndpoint(settings);
        return endpoint is null ? $"azure blob account {account}" : $"azure blob account {account} at {endpoint}";
    }

    private static Dictionary<string, string> Parse(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = part.IndexOf('=');
            if (equals > 0)
            {
                settings[part[..equals].Trim()] = part[(equals + 1)..].Trim();
            }
        }

        return settings;
    }

    private static string FindAccountName(Dictionary<string, string> settings)
    {
        if (settings.TryGetValue("AccountName", out string? name) && name.Length > 0)
        {
            return name;
        }

        bool isDevelopment = settings.TryGetValue("UseDevelopmentStorage", out string? development) &&
            bool.TryParse(development, out bool useDevelopment) && useDevelopment;
        return isDevelopment ? DevelopmentAccountName : "(name not given)";
    }

    /// <summary>Returns the blob endpoint as scheme, host, port and path, or null when absent or not a URI.</summary>
    private static string? FindSafeEndpoint(Dictionary<string, string> settings)
    {
        if (!settings.TryGetValue("BlobEndpoint", out string? value) ||
            !Uri.TryCreate(value, UriKind.Absolute, out Uri? endpoint))
        {
            return null;
        }

        return endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }
}
