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

    /// <summary>Torch threads to use: <see cref="TorchThreads"/>, or the cores divided among the slots.</summary>
    public int EffectiveTorchThreads =>
        TorchThreads > 0 ? TorchThreads : Math.Max(1, Environment.ProcessorCount / Math.Max(1, CpuSlots));
}
