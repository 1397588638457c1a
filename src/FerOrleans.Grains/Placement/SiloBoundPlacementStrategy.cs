namespace FerOrleans.Grains.Placement;

/// <summary>Places a grain on the silo whose parsable address is the grain's string key.</summary>
[GenerateSerializer, Immutable]
public sealed class SiloBoundPlacementStrategy : PlacementStrategy
{
    /// <summary>The one instance; the strategy has no settings.</summary>
    public static SiloBoundPlacementStrategy Instance { get; } = new();
}
