using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Training;

/// <summary>The spellings of <see cref="MixedPrecision"/> in specs and options, and the check that a device supports a mode.</summary>
public static class MixedPrecisionModes
{
    /// <summary>Spellings accepted by <see cref="Parse"/>: none, bf16, fp16.</summary>
    public static readonly IReadOnlyList<string> Names = ["none", "bf16", "fp16"];

    private const string CpuInfo = "/proc/cpuinfo";

    /// <exception cref="FormatException"><paramref name="text"/> is not none, bf16 or fp16.</exception>
    public static MixedPrecision Parse(string text) => text switch
    {
        "none" => MixedPrecision.None,
        "bf16" => MixedPrecision.BFloat16,
        "fp16" => MixedPrecision.Float16,
        _ => throw new FormatException($"Mixed precision '{text}' is unknown; use none, bf16 or fp16."),
    };

    /// <summary>The torch type of the forward pass of <paramref name="mode"/>.</summary>
    public static ScalarType ComputeType(MixedPrecision mode) => mode switch
    {
        MixedPrecision.None => ScalarType.Float32,
        MixedPrecision.BFloat16 => ScalarType.BFloat16,
        MixedPrecision.Float16 => ScalarType.Float16,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown mixed precision mode."),
    };

    /// <exception cref="InvalidOperationException"><paramref name="device"/> cannot train in <paramref name="mode"/>; the message says what can.</exception>
    public static void CheckSupported(MixedPrecision mode, Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var cuda = device.type == DeviceType.CUDA;
        if (mode == MixedPrecision.Float16 && !cuda)
        {
            throw new InvalidOperationException(
                $"Mixed precision fp16 needs a CUDA device, but this run trains on {device}; use bf16 or none.");
        }

        if (mode == MixedPrecision.BFloat16 && !cuda && !CpuHasBFloat16())
        {
            throw new InvalidOperationException(
                "Mixed precision bf16 on the CPU needs bf16 instructions (avx512_bf16 or amx_bf16 in /proc/cpuinfo), "
                + "which this CPU lacks; use none.");
        }
    }

    /// <summary>True when /proc/cpuinfo lists avx512_bf16 or amx_bf16; false where there is no such file.</summary>
    public static bool CpuHasBFloat16()
    {
        if (!File.Exists(CpuInfo))
        {
            return false;
        }

        var flags = File.ReadLines(CpuInfo).FirstOrDefault(line => line.StartsWith("flags", StringComparison.Ordinal));
        return flags is not null && flags.Split(' ', ':').Any(flag => flag is "avx512_bf16" or "amx_bf16");
    }
}
