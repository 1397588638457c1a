namespace FerOrleans.Grains.Training;

/// <summary>Number of CUDA devices this process can use; checked against the configured device ids at start.</summary>
public interface ICudaDeviceCount
{
    /// <summary>Returns the number of visible CUDA devices, 0 when CUDA is not available.</summary>
    int Count();
}
