namespace FerOrleans.Cli.Commands.Bench;

/// <summary>Our measurement of one <see cref="StepCase"/> and, when the peer ran, its measurement and the ratio.</summary>
/// <param name="Ours">Our steps of every round together.</param>
/// <param name="Peer">The peer's steps of every round together, or null.</param>
/// <param name="RoundRatios">Per round, our median step time over the peer's; empty without the peer.</param>
public sealed record StepComparison(StepCase Case, StepMeasurement Ours, StepMeasurement? Peer, double[] RoundRatios)
{
    /// <summary>Median over rounds of ours/peer; below 1 means ours is faster. Null without the peer.</summary>
    public double? Ratio => RoundRatios.Length == 0 ? null : StepMeasurement.Median(RoundRatios);
}
