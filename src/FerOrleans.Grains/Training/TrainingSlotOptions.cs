namespace FerOrleans.Grains.Training;

/// <summary>Training slots of one silo: how many runs train at once and where data sets are cached.</summary>
public sealed record TrainingSlotOptions
{
    /// <summary>Runs this silo trains at once on the CPU; 0 makes a silo that never trains (a gateway).</summary>
    public int CpuSlots { get; init; } = 1;

    /// <summary>Torch intra-op threads for the whole process; 0 gives each slot an equal share of the cores.</summary>
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

    /// <summary>Torch threads to use: <see cref="TorchThreads"/>, or the cores divided among the slots.</summary>
    public int EffectiveTorchThreads =>
        TorchThreads > 0 ? TorchThreads : Math.Max(1, Environment.ProcessorCount / Math.Max(1, CpuSlots));
}
