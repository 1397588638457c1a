using TorchSharp;

namespace FerOrleans.Grains.Training;

/// <summary>The CUDA device count as libtorch reports it; 0 with a CPU build of libtorch.</summary>
public sealed class TorchCudaDeviceCount : ICudaDeviceCount
{
    /// <inheritdoc />
    public int Count() => torch.cuda.is_available() ? torch.cuda.device_count() : 0;
}
