using System.Diagnostics;
using System.Text;

namespace FerOrleans.Grains.Tests;

/// <summary>A FerOrleans.Silo process started with <c>dotnet exec</c> of the built silo, configured by FER_* variables.</summary>
public sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The silo's console output so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static SiloProcess Start(string name, IReadOnlyDictionary<string, string> environment)
    {
        // The test binaries sit in bin/{configuration}/{framework}/; the silo is built beside them by the project reference.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(AzuriteTables.RepositoryFolder(), "src", "FerOrleans.Silo", "bin",
            framework.Parent!.Name, framework.Name, "FerOrleans.Silo.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The silo is not built at '{dll}'; build tests/FerOrleans.Grains.Tests again.");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        start.Environment["FER_SILO_NAME"] = name;

        var process = Process.Start(start)!;
        var silo = new SiloProcess(process, name);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Kills the process at once, as a crash or an out-of-memory kill would.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
