using System.Diagnostics;
using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;

namespace FerOrleans.Cli.Infrastructure;

/// <summary>
/// Overall progress of a sweep and an estimate of the time left, from the progress made since watching began:
/// remaining = elapsed * (1 - fraction) / (fraction - fraction when watching began).
/// </summary>
public sealed class SweepEta
{
    /// <summary>Progress below this since watching began gives no estimate, because the rate is still noise.</summary>
    private const double MinProgress = 1e-3;

    private readonly Stopwatch _watching = Stopwatch.StartNew();
    private double? _startFraction;

    /// <summary>Mean over the runs of their progress; a completed or failed run counts as done.</summary>
    public static double Fraction(SweepStatus status) => status.Runs.Count == 0
        ? 0
        : status.Runs.Average(r => r.State is RunState.Completed or RunState.Failed ? 1 : r.Progress?.Fraction ?? 0);

    /// <summary>Updates the estimate with a polled status; returns null until there is progress to tell by.</summary>
    public TimeSpan? Update(SweepStatus status) => Remaining(Fraction(status), _watching.Elapsed);

    /// <summary>The estimate for <paramref name="fraction"/> done after <paramref name="elapsed"/> of watching.</summary>
    public TimeSpan? Remaining(double fraction, TimeSpan elapsed)
    {
        _startFraction ??= fraction;
        var progress = fraction - _startFraction.Value;
        if (fraction >= 1)
        {
            return TimeSpan.Zero;
        }
        return progress < MinProgress ? null : elapsed * ((1 - fraction) / progress);
    }
}
