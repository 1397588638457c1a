namespace FerOrleans.Grains.Recovery;

/// <summary>
/// The timer and reminder that keep a sweep with unfinished runs checking them. The timer ticks while the
/// sweep is active; the reminder, kept by the cluster's reminder service, re-activates a sweep whose silo died.
/// </summary>
public sealed class SweepWatchdog(Grain grain, RecoveryOptions options, Func<CancellationToken, Task> tick)
{
    /// <summary>Name of the sweep's reminder.</summary>
    public const string ReminderName = "run-watchdog";

    private IGrainTimer? _timer;
    private bool _reminderRegistered;

    /// <summary>True while the timer is running.</summary>
    public bool IsRunning => _timer is not null;

    /// <summary>Starts the timer and registers the reminder, once per activation.</summary>
    public async Task StartAsync()
    {
        _timer ??= grain.RegisterGrainTimer(
            tick,
            // Interleaved: a sweep busy with run notifications would otherwise starve a non-reentrant tick.
            new GrainTimerCreationOptions(options.WatchdogPeriod, options.WatchdogPeriod) { Interleave = true });
        if (!_reminderRegistered)
        {
            await grain.RegisterOrUpdateReminder(ReminderName, options.ReminderPeriod, options.ReminderPeriod);
            _reminderRegistered = true;
        }
    }

    /// <summary>Stops the timer and removes the reminder: the sweep has nothing left to watch.</summary>
    public async Task StopAsync()
    {
        _timer?.Dispose();
        _timer = null;
        var reminder = await grain.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await grain.UnregisterReminder(reminder);
        }
        _reminderRegistered = false;
    }
}
