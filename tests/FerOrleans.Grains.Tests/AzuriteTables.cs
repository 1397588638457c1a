using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FerOrleans.Grains.Tests;

/// <summary>
/// Starts Azurite's blob and table services on free loopback ports for one test class (the repository's
/// <c>npm ci</c> installs it) and stops it afterwards. The connection string serves both services.
/// </summary>
public sealed class AzuriteTables : IAsyncLifetime
{
    /// <summary>Azurite's published development account key, the same in every Azurite install.</summary>
    private const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _output = new();
    private readonly string _location = Path.Combine(Path.GetTempPath(), "fer-azurite", Guid.NewGuid().ToString("N"));
    private Process? _process;

    /// <summary>Connection string of the development account, with blob and table endpoints.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var executable = Path.Combine(RepositoryFolder(), "node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at '{executable}'. Run `npm ci` in the repository folder to install it.");
        }

        int blobPort = FreePorts.Next(), tablePort = FreePorts.Next(), queuePort = FreePorts.Next();
        Directory.CreateDirectory(_location);
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", $"{blobPort}", "--tableHost", "127.0.0.1", "--tablePort", $"{tablePort}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{queuePort}", "--location", _location,
            "--loose", "--silent", "--skipApiVersionCheck",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForPortAsync(blobPort);
        await WaitForPortAsync(tablePort);

        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            $"AccountKey={DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
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
        if (Directory.Exists(_location))
        {
            Directory.Delete(_location, recursive: true);
        }
    }

    /// <summary>The first folder above the test binaries that contains FerOrleans.sln.</summary>
    public static string RepositoryFolder()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FerOrleans.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No FerOrleans.sln above '{AppContext.BaseDirectory}'; run the tests from the repository.");
    }

    private void Append(string? line)
    {
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
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before listening on {port}:\n{_output}");
            }
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"Azurite did not listen on 127.0.0.1:{port} within {StartTimeout}:\n{_output}");
    }
}
