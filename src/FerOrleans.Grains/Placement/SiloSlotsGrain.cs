using FerOrleans.Grains.Training;

namespace FerOrleans.Grains.Placement;

/// <summary>Reads the <see cref="TrainingSlots"/> of the silo named by its key; placed on that silo.</summary>
[SiloBoundPlacement]
public sealed class SiloSlotsGrain(TrainingSlots slots, ILocalSiloDetails silo) : Grain, ISiloSlotsGrain
{
    /// <inheritdoc />
    public Task<SlotLoad> GetLoadAsync() =>
        Task.FromResult(new SlotLoad(silo.SiloAddress.ToParsableString(), silo.Name, slots.SlotCount, slots.FreeSlots));
}
