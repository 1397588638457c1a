using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace FerOrleans.Storage.Tests;

/// <summary>
/// One Azurite blob service process on 127.0.0.1 with a data folder. It can be stopped and started again on
/// the same port and folder, which is how the outage tests take storage away and bring it back.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's published development account key, the same in every Azurite install.</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string ExecutableName = "azurite-blob";
    private const int SignalTerminate = 15;

    /// <summary>What Azurite prints once its server has closed and its metadata is stored.</summary>
    private const string ClosedMessage = "successfully closed";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly StringBuilder _output = new();
    private Process? _process;

    private AzuriteProcess(int port, string location)
    {
        Port = port;
        Location = location;
    }

    public int Port { get; }

    /// <summary>The folder Azurite keeps its blobs and metadata in.</summary>
    public string Location { get; }

    public string ConnectionString => "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    /// <summary>Starts Azurite on a free loopback port with <paramref name="location"/> as its data folder.</summary>
    public static async Task<AzuriteProcess> StartAsync(string location)
    {
        var azurite = new AzuriteProcess(FindFreePort(), location);
        await azurite.StartAgainAsync();
        return azurite;
    }

    /// <summary>Starts the process again on the same port and folder after <see cref="StopAsync"/>.</summary>
    public async Task StartAgainAsync()
    {
        _process = Start(FindExecutable(), Port, Location);
        await WaitForPortAsync();
    }

    /// <summary>
    /// Stops the process with SIGTERM, on which Azurite closes its server and stores its metadata, then kills
    /// it, because Azurite 3.37 had not exited 10 s after that close when this was tested.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        var deadline = DateTime.UtcNow + StopTimeout;
        if (!_process.HasExited && kill(_process.Id, SignalTerminate) == 0)
        {
            while (!_process.HasExited && !ReadOutput().Contains(ClosedMessage, StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
        lock (_output)
        {
            _output.Clear();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>The repository's Azurite from <c>npm ci</c>, else one on PATH.</summary>
    public static string FindExecutable()
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
            $"Azurite is not installed: neither '{local}' nor '{ExecutableName}' on PATH exists. Run `npm ci` in '{root}'.");
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

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
            "--loose", "--silent", "--skipApiVersionCheck", "--disableTelemetry",
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

    private async Task WaitForPortAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException(
                    $"Azurite exited with code {_process.ExitCode} before it listened on port {Port}. Output:\n{ReadOutput()}");
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }

        throw new TimeoutException(
            $"Azurite did not listen on 127.0.0.1:{Port} within {StartTimeout.TotalSeconds:F0} s. Output:\n{ReadOutput()}");
    }

    private string ReadOutput()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
