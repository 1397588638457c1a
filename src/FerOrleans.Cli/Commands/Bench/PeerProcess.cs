using System.Diagnostics;
using System.Text.Json;

namespace FerOrleans.Cli.Commands.Bench;

/// <summary>
/// The PyTorch peer bench/step.py, started once with --serve and asked for one measurement at a
/// time, so that its steps and ours alternate within one benchmark run.
/// </summary>
public sealed class PeerProcess : IDisposable
{
    private readonly Process process;

    private PeerProcess(Process process) => this.process = process;

    /// <summary>Starts <paramref name="script"/> with <paramref name="python"/>, adding <paramref name="environment"/> to ours.</summary>
    /// <exception cref="FileNotFoundException">The script does not exist.</exception>
    public static PeerProcess Start(string python, string script, IReadOnlyDictionary<string, string> environment)
    {
        if (!File.Exists(script))
        {
            throw new FileNotFoundException(
                $"The PyTorch peer script {script} was not found; pass --peer-script PATH (it is bench/step.py in the repository).",
                script);
        }

        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(script);
        start.ArgumentList.Add("--serve");
        try
        {
            return new PeerProcess(Process.Start(start)
                ?? throw new InvalidOperationException($"{python} {script} did not start."));
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"Could not start the peer with '{python}': {ex.Message}. Pass --python PATH to a python with torch "
                + "(Debian: /usr/bin/python3 with python3-torch).", ex);
        }
    }

    /// <summary>Sends the peer a request to measure <paramref name="step"/> and waits for its response.</summary>
    /// <exception cref="InvalidOperationException">The peer exited or responded with an error.</exception>
    public StepMeasurement Measure(StepCase step, int steps, int warmup)
    {
        var request = string.Join(' ', step.StemName, step.Width, step.Threads, steps, warmup);
        process.StandardInput.WriteLine(request);
        process.StandardInput.Flush();
        var line = process.StandardOutput.ReadLine()
            ?? throw new InvalidOperationException($"The PyTorch peer exited before responding to '{request}'; see its error output above.");
        return Parse(line, step, request);
    }

    public void Dispose()
    {
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // The process has already exited.
        }

        process.Dispose();
    }

    private static StepMeasurement Parse(string line, StepCase step, string request)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"The PyTorch peer rejected '{request}': {error.GetString()}");
        }

        var times = root.GetProperty("step_ms").EnumerateArray().Select(t => t.GetDouble()).ToArray();
        var implementation = root.GetProperty("impl").GetString() ?? "pytorch";
        var loss = root.GetProperty("loss").GetDouble();
        return new StepMeasurement(implementation, step, times, loss);
    }
}
