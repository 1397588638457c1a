using Microsoft.Extensions.Logging;

namespace FerOrleans.Grains.Placement;

/// <summary>
/// The training slots of every active silo, read from each silo's <see cref="ISiloSlotsGrain"/>. Used by the
/// placement of runs and by sweeps to decide how many runs they can start.
/// </summary>
public sealed class SlotDirectory(
    IClusterMembershipService membership,
    IGrainFactory grains,
    ILogger<SlotDirectory> logger)
{
    /// <summary>Longest wait for one silo's slot report. A silo that does not respond in time counts as having no slots.</summary>
    public static readonly TimeSpan SiloTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Returns the slot load of each active silo that responded within <see cref="SiloTimeout"/>.</summary>
    public async Task<IReadOnlyList<SlotLoad>> GetLoadsAsync()
    {
        var active = membership.CurrentSnapshot.Members.Values
            .Where(member => member.Status == SiloStatus.Active)
            .Select(member => member.SiloAddress.ToParsableString())
            .ToArray();
        var loads = await Task.WhenAll(active.Select(ReadAsync));
        return loads.OfType<SlotLoad>().ToArray();
    }

    /// <summary>Names of the silos that are active members of the cluster now.</summary>
    public IReadOnlySet<string> ActiveSiloNames() => membership.CurrentSnapshot.Members.Values
        .Where(member => member.Status == SiloStatus.Active)
        .Select(member => member.Name)
        .ToHashSet(StringComparer.Ordinal);

    private async Task<SlotLoad?> ReadAsync(string silo)
    {
        try
        {
            return await grains.GetGrain<ISiloSlotsGrain>(silo).GetLoadAsync().WaitAsync(SiloTimeout);
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException or InvalidOperationException)
        {
            // A silo that is going down, or not yet declared dead: skip it until membership settles.
            logger.SlotLoadUnavailable(ex, silo);
            return null;
        }
    }
}
