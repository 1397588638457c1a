namespace FerOrleans.Learning.Training;

/// <summary>How the learning rate changes over the epochs of a phase; see <see cref="LearningRateSchedule"/>.</summary>
public enum ScheduleKind
{
    /// <summary>Multiplied by the decay rate at each decay epoch, as torch's MultiStepLR.</summary>
    Step,

    /// <summary>Cosine annealing from the initial rate to initial x decay rate^3, as SupContrast's --cosine.</summary>
    Cosine,
}
