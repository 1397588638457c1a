namespace FerOrleans.Grains.Placement;

/// <summary>Places a grain on the compatible silo with the most free training slots.</summary>
[GenerateSerializer, Immutable]
public sealed class TrainingSlotPlacementStrategy : PlacementStrategy
{
    /// <summary>The one instance; the strategy has no settings.</summary>
    public static TrainingSlotPlacementStrategy Instance { get; } = new();
}
