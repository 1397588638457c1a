namespace FerOrleans.Grains.Training;

/// <summary>The latest figures of a run that trains on this silo, as its run-level gauges report them.</summary>
internal sealed record ActiveRun(string Sweep, string Approach)
{
    public string Phase { get; init; } = "";

    public int Epoch { get; init; }

    public double Loss { get; init; }

    public double LearningRate { get; init; }

    public double ImagesPerSecond { get; init; }

    /// <summary>Fraction of the run done, 0 to 1.</summary>
    public double Progress { get; init; }

    /// <summary>Estimated time left; null until enough progress was made to tell.</summary>
    public TimeSpan? Remaining { get; init; }
}
