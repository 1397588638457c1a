namespace FerOrleans.Grains.Placement;

/// <summary>Choice of the silo for a new run activation.</summary>
public static class SlotChoice
{
    /// <summary>
    /// Returns the compatible silo with the most free slots, drawing at random among equals. Silos without
    /// slots are never chosen; returns null when no compatible silo has slots.
    /// </summary>
    public static string? Pick(IEnumerable<SlotLoad> loads, IReadOnlySet<string> compatible, Random random)
    {
        var candidates = loads.Where(load => load.Slots > 0 && compatible.Contains(load.Silo)).ToArray();
        if (candidates.Length == 0)
        {
            return null;
        }

        var most = candidates.Max(load => load.Free);
        var best = candidates.Where(load => load.Free == most).ToArray();
        return best[random.Next(best.Length)].Silo;
    }
}
