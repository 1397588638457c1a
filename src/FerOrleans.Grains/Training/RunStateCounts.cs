using System.Collections.Concurrent;
using FerOrleans.Contracts.Runs;

namespace FerOrleans.Grains.Training;

/// <summary>The state of each run activated on this silo, for the runs-by-state metric.</summary>
public sealed class RunStateCounts
{
    private readonly ConcurrentDictionary<string, RunState> _states = new(StringComparer.Ordinal);

    public void Track(string runId, RunState state) => _states[runId] = state;

    public void Forget(string runId) => _states.TryRemove(runId, out _);

    /// <summary>Runs per state, every state listed (zero included) so a dashboard sees all series.</summary>
    public IReadOnlyDictionary<RunState, int> Snapshot()
    {
        var counts = Enum.GetValues<RunState>().ToDictionary(s => s, _ => 0);
        foreach (var state in _states.Values)
        {
            counts[state]++;
        }
        return counts;
    }
}
