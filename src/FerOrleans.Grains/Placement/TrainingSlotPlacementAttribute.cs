using Orleans.Placement;

namespace FerOrleans.Grains.Placement;

/// <summary>
/// Marks a grain class whose activations must live where a training slot is free: the silo with the most
/// free slots, never a silo without slots while one with slots is active.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class TrainingSlotPlacementAttribute() : PlacementAttribute(TrainingSlotPlacementStrategy.Instance);
