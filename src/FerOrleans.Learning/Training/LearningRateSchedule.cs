namespace FerOrleans.Learning.Training;

/// <summary>
/// The learning rate of each epoch of a phase, computed from the epoch number so that a resumed run
/// needs no scheduler state. Epochs are 0-based; the rate is fixed within an epoch.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Step (torch's MultiStepLR): initial x rate^d, d = the number of decay epochs &lt;= epoch.</item>
/// <item>
/// Cosine (SupContrast's <c>--cosine</c>): floor + (initial - floor) (1 + cos(pi e / n)) / 2 with
/// floor = initial x rate^3, so epoch 0 runs at the initial rate.
/// </item>
/// <item>
/// Warm-up of W epochs: epoch e &lt; W runs at (e + 1) / (W + 1) of the scheduled rate of epoch W, a linear
/// ramp that reaches the schedule at epoch W. SupContrast ramps per step instead; per epoch keeps the rate
/// fixed within an epoch.
/// </item>
/// </list>
/// </remarks>
public static class LearningRateSchedule
{
    /// <summary>The decay rate of the study and of SupContrast.</summary>
    public const double DecayFactor = 0.1;

    /// <summary>Returns the learning rate of 0-based <paramref name="epoch"/>: initial x 0.1^(decay epochs &lt;= epoch).</summary>
    public static double At(double initial, IReadOnlyList<int> decayEpochs, int epoch) =>
        Step(initial, decayEpochs, DecayFactor, epoch);

    /// <summary>
    /// Returns the learning rate of 0-based <paramref name="epoch"/> of a phase of <paramref name="epochs"/>
    /// epochs that starts at <paramref name="initial"/>, with the schedule of <paramref name="training"/>.
    /// </summary>
    /// <param name="warmupEpochs">Warm-up epochs of this phase; 0 for none.</param>
    public static double At(TrainingOptions training, double initial, int epochs, int warmupEpochs, int epoch)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        if (warmupEpochs < 0 || warmupEpochs >= epochs)
        {
            throw new ArgumentOutOfRangeException(
                nameof(warmupEpochs), warmupEpochs, $"Warm-up must be shorter than the phase of {epochs} epochs.");
        }

        if (epoch < warmupEpochs)
        {
            return Scheduled(training, initial, epochs, warmupEpochs) * (epoch + 1) / (warmupEpochs + 1);
        }

        return Scheduled(training, initial, epochs, epoch);
    }

    /// <summary>Returns initial x <paramref name="rate"/>^(number of <paramref name="decayEpochs"/> &lt;= epoch).</summary>
    public static double Step(double initial, IReadOnlyList<int> decayEpochs, double rate, int epoch)
    {
        ArgumentNullException.ThrowIfNull(decayEpochs);
        var decays = decayEpochs.Count(d => d <= epoch);
        return initial * Math.Pow(rate, decays);
    }

    /// <summary>Returns floor + (initial - floor) (1 + cos(pi epoch / epochs)) / 2, floor = initial x rate^3.</summary>
    public static double Cosine(double initial, int epochs, double rate, int epoch)
    {
        var floor = initial * Math.Pow(rate, 3);
        return floor + (initial - floor) * (1 + Math.Cos(Math.PI * epoch / epochs)) / 2;
    }

    private static double Scheduled(TrainingOptions training, double initial, int epochs, int epoch) =>
        training.Schedule switch
        {
            ScheduleKind.Step => Step(initial, training.DecayEpochs(epochs), training.DecayRate, epoch),
            ScheduleKind.Cosine => Cosine(initial, epochs, training.DecayRate, epoch),
            _ => throw new ArgumentOutOfRangeException(nameof(training), training.Schedule, "Unknown schedule."),
        };
}
