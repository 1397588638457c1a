namespace FerOrleans.Grains.Recovery;

/// <summary>How often a sweep with unfinished runs checks them and restarts the ones whose silo went away.</summary>
public sealed record RecoveryOptions
{
    /// <summary>
    /// Period of the watchdog timer of an active sweep: it polls the runs that are queued or running, so a run
    /// whose silo died is re-activated on a live silo, marked interrupted and restarted from its checkpoint.
    /// </summary>
    public TimeSpan WatchdogPeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Period of the sweep's reminder, which re-activates a sweep whose own silo died. Orleans rejects periods
    /// under its <c>ReminderOptions.MinimumReminderPeriod</c> (1 minute by default).
    /// </summary>
    public TimeSpan ReminderPeriod { get; init; } = TimeSpan.FromMinutes(1);
}
