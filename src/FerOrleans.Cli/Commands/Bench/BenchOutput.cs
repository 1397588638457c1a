using System.Runtime.InteropServices;
using System.Text.Json;
using FerOrleans.Learning.Training;
using Spectre.Console;
using TorchSharp;

namespace FerOrleans.Cli.Commands.Bench;

/// <summary>What every bench command prints first, and the JSON settings of their files.</summary>
public static class BenchOutput
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Prints the title, the date, the machine and the torch build, so a pasted table says where it came from.</summary>
    public static void Header(string title)
    {
        Console.WriteLine(title);
        Console.WriteLine(
            $"date {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {CpuModel()}, {Environment.ProcessorCount} logical CPUs; "
            + $"{RuntimeInformation.OSDescription}; .NET {Environment.Version}; TorchSharp libtorch {torch.__version__}");
        Console.WriteLine(NativeHeap.Configure().Description);
    }

    /// <summary>Returns the "model name" line of /proc/cpuinfo, or the architecture where there is none.</summary>
    public static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (File.Exists(cpuInfo))
        {
            var line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null)
            {
                return line[(line.IndexOf(':') + 1)..].Trim();
            }
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
