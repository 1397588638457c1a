using Microsoft.Extensions.Logging;
using Orleans.Runtime.Placement;

namespace FerOrleans.Grains.Placement;

/// <summary>
/// Places run activations on the compatible silo with the most free training slots. Orleans' built-in
/// silo-metadata filters compare with the calling silo, so this director reads the load of every silo.
/// </summary>
public sealed class TrainingSlotPlacementDirector(SlotDirectory directory, ILogger<TrainingSlotPlacementDirector> logger)
    : IPlacementDirector
{
    /// <inheritdoc />
    public async Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        var byName = compatible.ToDictionary(silo => silo.ToParsableString(), StringComparer.Ordinal);
        var loads = await directory.GetLoadsAsync();
        var chosen = SlotChoice.Pick(loads, byName.Keys.ToHashSet(StringComparer.Ordinal), Random.Shared);
        if (chosen is not null)
        {
            return byName[chosen];
        }

        // No silo has slots (a status command on a silo without slots, say): the activation only serves
        // its stored state, and StartAsync reports that no slot exists.
        logger.NoSlotSilo(target.GrainIdentity.ToString());
        return compatible.Contains(context.LocalSilo) ? context.LocalSilo : compatible[Random.Shared.Next(compatible.Length)];
    }
}
