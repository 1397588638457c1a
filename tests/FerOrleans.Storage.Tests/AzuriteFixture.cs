using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FerOrleans.Storage.Tests;

/// <summary>
/// Starts Azurite's blob service on a free loopback port for one test class and stops it afterwards. When
/// FER_TEST_AZURE_CONNECTION_STRING is set, that account is used instead and nothing is started.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The environment variable that points the Azure tests at an existing account.</summary>
    public const string ConnectionStringVariable = "FER_TEST_AZURE_CONNECTION_STRING";

    /// <summary>Azurite's published development account key, the same in every Azurite install.</summary>
    private const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string ExecutableName = "azurite-blob";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _output = new();
    private Process? _process;
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

        string executable = FindExecutable();
        int port = FindFreePort();
        _location = new TempFolder("azurite");
        _process = Start(executable, port, _location.Path);
        await WaitForPortAsync(port);

        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            $"AccountKey={DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        _location?.Dispose();
    }

    private static string FindExecutable()
    {
        string root = RepositoryRoot.Find();
        string local = Path.Combine(root, "node_modules", ".bin", ExecutableName);
        if (File.Exists(local))
        {
            return local;
        }

        string? path = Environment.GetEnvironmentVariable("PATH");
        foreach (string folder in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(folder, ExecutableName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"Azurite is not installed: neither '{local}' nor '{ExecutableName}' on PATH exists. Run `npm ci` in " +
            $"'{root}' to install it, or set {ConnectionStringVariable} to test against another account.");
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Process Start(string executable, int port, string location)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "--blobHost", "127.0.0.1", "--blobPort", port.ToString(), "--location", location,
            "--loose", "--silent", "--skipApiVersionCheck",
        ];
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => AppendOutput(e.Data);
        process.ErrorDataReceived += (_, e) => AppendOutput(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void AppendOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitForPortAsync(int port)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException(
                    $"Azurite exited with code {_process.ExitCode} before it listened on port {port}. " +
                    $"Output:\n{ReadOutput()}");
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }

        throw new TimeoutException(
            $"Azurite did not listen on 127.0.0.1:{port} within {StartTimeout.TotalSeconds:F0} s. " +
            $"Output:\n{ReadOutput()}");
    }

    private string ReadOutput()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
