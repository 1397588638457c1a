namespace FerOrleans.Storage.Tests;

/// <summary>
/// Starts Azurite's blob service on a free loopback port for one test class and stops it afterwards. When
/// FER_TEST_AZURE_CONNECTION_STRING is set, that account is used instead and nothing is started.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The environment variable that points the Azure tests at an existing account.</summary>
    public const string ConnectionStringVariable = "FER_TEST_AZURE_CONNECTION_STRING";

    private AzuriteProcess? _process;
    private TempFolder? _location;

    /// <summary>The connection string of the account the tests use.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        string? external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            ConnectionString = external;
            return;
        }

        _location = new TempFolder("azurite");
        _process = await AzuriteProcess.StartAsync(_location.Path);
        ConnectionString = _process.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _location?.Dispose();
    }
}
