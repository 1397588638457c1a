using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Training;

/// <summary>Choice of the torch device that trains.</summary>
public static class TorchDevice
{
    /// <summary>Returns cuda when torch reports a usable CUDA device (this needs a CUDA build of libtorch), else cpu, and logs the choice.</summary>
    public static Device Select(Action<string>? log = null)
    {
        if (torch.cuda.is_available())
        {
            log?.Invoke($"Training on cuda ({torch.cuda.device_count()} device(s) visible).");
            return torch.CUDA;
        }

        log?.Invoke($"Training on cpu with {torch.get_num_threads()} torch thread(s); no CUDA device is available.");
        return torch.CPU;
    }
}
