using System.Collections.Concurrent;

namespace FerOrleans.Grains.Tests;

/// <summary>What the instant jobs of every silo in this process did: executions per run, silo per run, concurrency.</summary>
public sealed class JobLedger
{
    private readonly ConcurrentDictionary<string, int> _executions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _silos = new(StringComparer.Ordinal);
    private int _running;
    private int _maxRunning;

    /// <summary>Times each run's job executed.</summary>
    public IReadOnlyDictionary<string, int> Executions => _executions;

    /// <summary>Silo name each run's job last executed on.</summary>
    public IReadOnlyDictionary<string, string> Silos => _silos;

    /// <summary>Most jobs executing at the same moment, across all silos.</summary>
    public int MaxRunning => Volatile.Read(ref _maxRunning);

    public void Enter(string runId, string silo)
    {
        _executions.AddOrUpdate(runId, 1, (_, count) => count + 1);
        _silos[runId] = silo;
        var running = Interlocked.Increment(ref _running);
        int max;
        while (running > (max = Volatile.Read(ref _maxRunning)))
        {
            Interlocked.CompareExchange(ref _maxRunning, running, max);
        }
    }

    public void Exit() => Interlocked.Decrement(ref _running);
}
