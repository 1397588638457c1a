namespace FerOrleans.Learning.Training;

/// <summary>
/// The step schedule: the learning rate is multiplied by 0.1 at each decay epoch, as torch's
/// MultiStepLR with gamma 0.1. Computed from the epoch number, so a resumed run needs no
/// scheduler state.
/// </summary>
public static class LearningRateSchedule
{
    public const double DecayFactor = 0.1;

    /// <summary>Returns the learning rate of 0-based <paramref name="epoch"/>: initial x 0.1^(decay epochs &lt;= epoch).</summary>
    public static double At(double initial, IReadOnlyList<int> decayEpochs, int epoch)
    {
        ArgumentNullException.ThrowIfNull(decayEpochs);
        var decays = decayEpochs.Count(d => d <= epoch);
        return initial * Math.Pow(DecayFactor, decays);
    }
}
