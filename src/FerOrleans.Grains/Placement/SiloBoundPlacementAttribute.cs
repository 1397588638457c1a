using Orleans.Placement;

namespace FerOrleans.Grains.Placement;

/// <summary>Marks a grain class whose string key is the address of the silo it must live on.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloBoundPlacementAttribute() : PlacementAttribute(SiloBoundPlacementStrategy.Instance);
