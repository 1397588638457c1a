namespace FerOrleans.Grains.Placement;

/// <summary>Training slots of one silo at one moment.</summary>
/// <param name="Silo">The silo's address in <see cref="SiloAddress.ToParsableString"/> form.</param>
/// <param name="SiloName">The silo's name, as runs report it in their status.</param>
/// <param name="Slots">Declared slots; 0 for a silo that never trains.</param>
/// <param name="Free">Slots not taken by a queued or training run.</param>
[GenerateSerializer, Immutable]
public sealed record SlotLoad(
    [property: Id(0)] string Silo,
    [property: Id(1)] string SiloName,
    [property: Id(2)] int Slots,
    [property: Id(3)] int Free);
