using Orleans.Runtime.Placement;

namespace FerOrleans.Grains.Placement;

/// <summary>Places a <see cref="SiloBoundPlacementStrategy"/> grain on the silo its key names.</summary>
public sealed class SiloBoundPlacementDirector : IPlacementDirector
{
    /// <exception cref="InvalidOperationException">The silo of the key is not an active, compatible silo.</exception>
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString()!;
        var silo = SiloAddress.FromParsableString(key);
        if (!context.GetCompatibleSilos(target).Contains(silo))
        {
            throw new InvalidOperationException(
                $"Silo {key} is not an active silo of this cluster; grain {target.GrainIdentity} cannot be placed on it.");
        }
        return Task.FromResult(silo);
    }
}
