namespace FerOrleans.Grains.Training;

/// <summary>One training slot of a silo: trains one run at a time on the CPU or on one CUDA device.</summary>
/// <param name="Index">Position among the silo's slots, 0 first.</param>
/// <param name="CudaDevice">CUDA device id the slot trains on, or null for the CPU.</param>
public sealed record TrainingSlot(int Index, int? CudaDevice)
{
    /// <summary>Torch device name: <c>cpu</c> or <c>cuda:&lt;id&gt;</c>.</summary>
    public string DeviceName => CudaDevice is { } id ? $"cuda:{id}" : "cpu";
}
