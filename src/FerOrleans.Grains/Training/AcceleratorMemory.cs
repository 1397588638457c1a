using System.Diagnostics.Metrics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace FerOrleans.Grains.Training;

/// <summary>
/// Memory of each CUDA device, read through NVML (<c>libnvidia-ml.so.1</c>, installed with the NVIDIA driver and
/// mounted into containers by the NVIDIA container runtime). TorchSharp 0.107 exposes no CUDA memory statistics,
/// so this reports device-wide use, all processes together, not only this silo's tensors.
/// </summary>
/// <remarks>
/// NOTE: written against the NVML API reference and never run here, because these machines have no GPU.
/// </remarks>
public sealed class AcceleratorMemory
{
    private const string Library = "libnvidia-ml.so.1";
    private const int Success = 0;

    private readonly ILogger _logger;
    private readonly int _devices;
    private bool _failed;

    private AcceleratorMemory(int devices, ILogger logger)
    {
        _devices = devices;
        _logger = logger;
    }

    /// <summary>
    /// Initialises NVML when <paramref name="cudaAvailable"/>; returns null without CUDA or when NVML is missing.
    /// </summary>
    public static AcceleratorMemory? TryCreate(bool cudaAvailable, ILogger logger)
    {
        if (!cudaAvailable)
        {
            return null;
        }
        try
        {
            var init = NvmlInit();
            var count = init == Success && NvmlDeviceGetCount(out var devices) == Success ? (int)devices : -1;
            if (count < 0)
            {
                logger.AcceleratorMetricsUnavailable($"NVML returned error {init}");
                return null;
            }
            return new AcceleratorMemory(count, logger);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            logger.AcceleratorMetricsUnavailable(ex.Message);
            return null;
        }
    }

    /// <summary>Bytes in use per device, labelled <c>device="cuda:N"</c>.</summary>
    public IEnumerable<Measurement<long>> ObserveUsed() => Observe(memory => (long)memory.Used);

    /// <summary>Bytes in total per device, labelled <c>device="cuda:N"</c>.</summary>
    public IEnumerable<Measurement<long>> ObserveTotal() => Observe(memory => (long)memory.Total);

    private List<Measurement<long>> Observe(Func<NvmlMemory, long> select)
    {
        var measurements = new List<Measurement<long>>();
        for (uint index = 0; index < _devices && !_failed; index++)
        {
            var status = NvmlDeviceGetHandleByIndex(index, out var device);
            if (status == Success)
            {
                status = NvmlDeviceGetMemoryInfo(device, out var memory);
                if (status == Success)
                {
                    measurements.Add(new Measurement<long>(
                        select(memory), new KeyValuePair<string, object?>("device", $"cuda:{index}")));
                    continue;
                }
            }

            // Log once and stop reading, so a broken driver does not flood the log on every scrape.
            _failed = true;
            _logger.AcceleratorMetricsUnavailable($"NVML returned error {status} for device {index}");
        }
        return measurements;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct NvmlMemory
    {
        public ulong Total;
        public ulong Free;
        public ulong Used;
    }

    [DllImport(Library, EntryPoint = "nvmlInit_v2")]
    private static extern int NvmlInit();

    [DllImport(Library, EntryPoint = "nvmlDeviceGetCount_v2")]
    private static extern int NvmlDeviceGetCount(out uint count);

    [DllImport(Library, EntryPoint = "nvmlDeviceGetHandleByIndex_v2")]
    private static extern int NvmlDeviceGetHandleByIndex(uint index, out IntPtr device);

    [DllImport(Library, EntryPoint = "nvmlDeviceGetMemoryInfo")]
    private static extern int NvmlDeviceGetMemoryInfo(IntPtr device, out NvmlMemory memory);
}
