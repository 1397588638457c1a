using TorchSharp;

// Torch tests share torch's global thread pool and assert exact values, so they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace FerOrleans.Learning.Tests;

/// <summary>Process-wide torch settings of the tests: one intra-op thread, so that values are reproducible.</summary>
internal static class TorchSetup
{
    private static readonly Lazy<bool> Applied = new(() =>
    {
        torch.set_num_threads(1);
        return true;
    });

    /// <summary>Applies the settings once; every torch test class calls it from its constructor.</summary>
    public static void UseOneThread() => _ = Applied.Value;
}
