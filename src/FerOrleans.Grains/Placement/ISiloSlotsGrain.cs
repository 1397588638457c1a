namespace FerOrleans.Grains.Placement;

/// <summary>
/// Reports the training slots of one silo. Keyed by the silo's address (<see cref="SiloAddress.ToParsableString"/>)
/// and always activated on that silo, so a call reads that silo's <c>TrainingSlots</c>.
/// </summary>
public interface ISiloSlotsGrain : IGrainWithStringKey
{
    /// <summary>Returns the declared and free slots of the silo this grain lives on.</summary>
    Task<SlotLoad> GetLoadAsync();
}
