namespace FerOrleans.Grains.Training;

/// <summary>
/// Training slots of one silo: CPU slots and slots bound to CUDA devices, how many runs train at once,
/// and where data sets are cached.
/// </summary>
public sealed record TrainingSlotOptions
{
    /// <summary>Runs this silo trains at once on the CPU; 0 with no CUDA devices makes a silo that never trains.</summary>
    public int CpuSlots { get; init; } = 1;

    /// <summary>CUDA device ids this silo trains on; each must exist in <c>torch.cuda.device_count()</c>.</summary>
    public IReadOnlyList<int> CudaDevices { get; init; } = [];

    /// <summary>Runs trained at once on each CUDA device of <see cref="CudaDevices"/>.</summary>
    public int SlotsPerDevice { get; init; } = 1;

    /// <summary>Torch intra-op threads for the whole process; 0 gives each CPU slot an equal share of the cores.</summary>
    public int TorchThreads { get; init; }

    /// <summary>Folder where downloaded data-set shards are cached, verified by checksum.</summary>
    public string CacheFolder { get; init; } = Path.Combine(Path.GetTempPath(), "fer-cache");

    /// <summary>Least time between two progress reports of a run to its grain.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Delay before a failed run is queued again; it doubles with each further failed attempt, up to
    /// <see cref="MaxRetryDelay"/>.
    /// </summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest delay before a failed run is queued again.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Delay before the run is queued again after failed attempt <paramref name="failed"/> (1-based).</summary>
    public TimeSpan RetryDelayAfter(int failed) => TimeSpan.FromTicks(
        (long)Math.Min(RetryDelay.Ticks * Math.Pow(2, Math.Clamp(failed - 1, 0, 30)), MaxRetryDelay.Ticks));

    /// <summary>Torch threads to use: <see cref="TorchThreads"/>, or the cores divided among the CPU slots.</summary>
    public int EffectiveTorchThreads =>
        TorchThreads > 0 ? TorchThreads : Math.Max(1, Environment.ProcessorCount / Math.Max(1, CpuSlots));

    /// <summary>
    /// The slots these options declare: CPU slots first, then <see cref="SlotsPerDevice"/> slots per CUDA device.
    /// </summary>
    /// <exception cref="ArgumentException">A count is negative, a device id repeats or is negative.</exception>
    public IReadOnlyList<TrainingSlot> Declare()
    {
        Validate();
        var slots = new List<TrainingSlot>();
        for (var i = 0; i < CpuSlots; i++)
        {
            slots.Add(new TrainingSlot(slots.Count, CudaDevice: null));
        }

        foreach (var device in CudaDevices)
        {
            for (var i = 0; i < SlotsPerDevice; i++)
            {
                slots.Add(new TrainingSlot(slots.Count, device));
            }
        }
        return slots;
    }

    /// <summary>Checks the CUDA device ids against the number of devices torch reports.</summary>
    /// <exception cref="InvalidOperationException">An id is not below <paramref name="deviceCount"/>.</exception>
    public void ThrowIfMissingDevices(int deviceCount)
    {
        var missing = CudaDevices.Where(id => id >= deviceCount).ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        var visible = deviceCount == 0 ? "none" : $"ids 0 to {deviceCount - 1}";
        throw new InvalidOperationException(
            $"CUDA device(s) {string.Join(", ", missing)} in CudaDevices (FER_CUDA_DEVICES) do not exist: " +
            $"torch.cuda.device_count() is {deviceCount} ({visible}). " +
            "List only visible devices, or leave FER_CUDA_DEVICES empty to train on the CPU.");
    }

    private void Validate()
    {
        if (CpuSlots < 0)
        {
            throw new ArgumentException($"CpuSlots (FER_CPU_SLOTS) is {CpuSlots}; it must be 0 or more.");
        }

        if (SlotsPerDevice < 1)
        {
            throw new ArgumentException($"SlotsPerDevice (FER_SLOTS_PER_DEVICE) is {SlotsPerDevice}; it must be 1 or more.");
        }

        var invalid = CudaDevices.Where(id => id < 0).ToArray();
        if (invalid.Length > 0)
        {
            throw new ArgumentException(
                $"CudaDevices (FER_CUDA_DEVICES) contains {string.Join(", ", invalid)}; device ids are 0 or more.");
        }

        var repeated = CudaDevices.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (repeated.Length > 0)
        {
            throw new ArgumentException(
                $"CudaDevices (FER_CUDA_DEVICES) lists device {string.Join(", ", repeated)} more than once; " +
                "use SlotsPerDevice (FER_SLOTS_PER_DEVICE) for several runs per device.");
        }
    }
}
