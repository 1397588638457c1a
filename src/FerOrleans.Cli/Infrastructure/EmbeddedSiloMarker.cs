using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace FerOrleans.Cli.Infrastructure;

/// <summary>
/// A file in a local store that says which process runs an embedded silo on it and on which gateway port,
/// so a second <c>fer</c> command on the same store connects to that silo instead of starting its own.
/// </summary>
public sealed record EmbeddedSiloMarker(int ProcessId, int GatewayPort)
{
    private const string FileName = "embedded-silo.json";

    /// <summary>How long <see cref="FindLive"/> waits for the marker's gateway to accept a connection.</summary>
    private static readonly TimeSpan GatewayProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Returns the marker of a live silo on this store, or null. A marker counts only while its process runs (a
    /// zombie left by <c>kill -9</c> does not) and its gateway accepts connections on 127.0.0.1, so a marker
    /// left by a killed process, or one whose id the system gave to another process, is ignored.
    /// </summary>
    public static EmbeddedSiloMarker? FindLive(string storeFolder)
    {
        var path = Path.Combine(storeFolder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        EmbeddedSiloMarker? marker;
        try
        {
            marker = JsonSerializer.Deserialize<EmbeddedSiloMarker>(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null;
        }
        return marker is not null
            && marker.ProcessId != Environment.ProcessId
            && IsAlive(marker.ProcessId)
            && AcceptsConnections(marker.GatewayPort)
            ? marker
            : null;
    }

    public void Write(string storeFolder)
    {
        Directory.CreateDirectory(storeFolder);
        File.WriteAllText(Path.Combine(storeFolder, FileName), JsonSerializer.Serialize(this));
    }

    public static void Remove(string storeFolder)
    {
        var path = Path.Combine(storeFolder, FileName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited && !IsZombie(processId);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>True when Linux lists the process as a zombie (Z) or dead (X): it has exited but not yet been reaped.</summary>
    private static bool IsZombie(int processId)
    {
        var stat = $"/proc/{processId}/stat";
        if (!OperatingSystem.IsLinux() || !File.Exists(stat))
        {
            return false;
        }

        try
        {
            // "pid (command) state ...": the command may contain spaces and parentheses, so read after the last ')'.
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 1)..].TrimStart()[0];
            return state is 'Z' or 'X';
        }
        catch (IOException)
        {
            return true;    // the process went away while its file was read
        }
    }

    private static bool AcceptsConnections(int port)
    {
        using var client = new TcpClient();
        try
        {
            return client.ConnectAsync(IPAddress.Loopback, port).Wait(GatewayProbeTimeout) && client.Connected;
        }
        catch (AggregateException ex) when (ex.InnerException is SocketException)
        {
            return false;
        }
    }
}
