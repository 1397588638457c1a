using System.Diagnostics;
using System.Text.Json;

namespace FerOrleans.Cli.Infrastructure;

/// <summary>
/// A file in a local store that says which process runs an embedded silo on it and on which gateway port,
/// so a second <c>fer</c> command on the same store connects to that silo instead of starting its own.
/// </summary>
public sealed record EmbeddedSiloMarker(int ProcessId, int GatewayPort)
{
    private const string FileName = "embedded-silo.json";

    /// <summary>The marker of a live process on this store, or null.</summary>
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
        return marker is not null && IsAlive(marker.ProcessId) && marker.ProcessId != Environment.ProcessId ? marker : null;
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
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
