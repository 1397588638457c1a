using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Training;

/// <summary>
/// Mixed precision with float32 master weights: a copy of the run's modules in bfloat16 or float16
/// runs the forward and backward pass, and its gradients, cast to float32, become the gradients of
/// the run's modules, which the optimiser updates and checkpoints store as before.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 has no autocast, hence the copy. Batch-norm statistics are updated in the copy
/// and copied back after every step; evaluation uses the float32 modules. float16 scales the loss
/// (initially 2^16), skips a step whose gradients overflow and halves the scale, and doubles the
/// scale after 2000 steps without overflow, as torch.cuda.amp.GradScaler does by default.
/// NOTE: the float16 path has not run, because it needs CUDA and no CUDA build of libtorch could be
/// restored where this was written.
/// </remarks>
internal sealed class ReducedPrecisionCopy : IDisposable
{
    private const double InitialLossScale = 65536;
    private const int StepsBeforeScaleGrows = 2000;

    private readonly (Tensor Master, Tensor Working)[] parameters;
    private readonly (Tensor Master, Tensor Working)[] buffers;
    private double lossScale;
    private int stepsWithoutOverflow;

    private ReducedPrecisionCopy(RunNetwork master, RunNetwork working, MixedPrecision mode)
    {
        Working = working;
        Mode = mode;
        ComputeType = MixedPrecisionModes.ComputeType(mode);
        parameters = Pair(Modules(master).SelectMany(m => m.parameters()), Modules(working).SelectMany(m => m.parameters()));
        buffers = Pair(Modules(master).SelectMany(m => m.buffers()), Modules(working).SelectMany(m => m.buffers()));
        lossScale = mode == MixedPrecision.Float16 ? InitialLossScale : 1;
    }

    /// <summary>The modules in <see cref="ComputeType"/>; their weights are valid after <see cref="LoadMasterWeights"/>.</summary>
    public RunNetwork Working { get; }

    public MixedPrecision Mode { get; }

    public ScalarType ComputeType { get; }

    /// <summary>Builds the reduced-precision copy of <paramref name="master"/> on the same device.</summary>
    public static ReducedPrecisionCopy Create(
        RunNetwork master, NetworkOptions options, int classCount, MixedPrecision mode, Device device)
    {
        var type = MixedPrecisionModes.ComputeType(mode);
        var working = RunNetwork.Create(options, master.Head is not null, classCount, seed: 0, device);
        working.Classifier.to(type);
        working.Head?.to(type);
        return new ReducedPrecisionCopy(master, working, mode);
    }

    /// <summary>Copies the float32 weights and batch-norm statistics into the working copy and returns it.</summary>
    public RunNetwork LoadMasterWeights()
    {
        using var noGrad = torch.no_grad();
        foreach (var (master, working) in parameters.Concat(buffers))
        {
            working.copy_(master);
        }

        Working.Classifier.zero_grad();
        Working.Head?.zero_grad();
        return Working;
    }

    /// <summary>
    /// Back-propagates <paramref name="loss"/> through the working copy and sets the master gradients and
    /// batch-norm statistics from it. Returns false when float16 gradients overflowed: then the optimiser
    /// must skip this step.
    /// </summary>
    public bool Backward(Tensor loss)
    {
        var scaled = lossScale == 1 ? loss : loss * lossScale;
        scaled.backward();

        using var noGrad = torch.no_grad();
        foreach (var (master, working) in buffers)
        {
            master.copy_(working);
        }

        var finite = true;
        foreach (var (master, working) in parameters)
        {
            if (working.grad is not { } gradient)
            {
                continue;
            }

            var full = gradient.to(ScalarType.Float32);
            if (lossScale != 1)
            {
                full.div_(lossScale);
                finite &= full.isfinite().all().item<bool>();
            }

            master.grad = full;
        }

        return UpdateLossScale(finite);
    }

    public void Dispose() => Working.Dispose();

    private bool UpdateLossScale(bool finite)
    {
        if (Mode != MixedPrecision.Float16)
        {
            return true;
        }

        if (!finite)
        {
            lossScale /= 2;
            stepsWithoutOverflow = 0;
            return false;
        }

        if (++stepsWithoutOverflow == StepsBeforeScaleGrows)
        {
            lossScale *= 2;
            stepsWithoutOverflow = 0;
        }

        return true;
    }

    private static nn.Module[] Modules(RunNetwork network) =>
        network.Head is null ? [network.Classifier] : [network.Classifier, network.Head];

    private static (Tensor Master, Tensor Working)[] Pair(IEnumerable<Tensor> master, IEnumerable<Tensor> working)
    {
        var pairs = master.Zip(working).ToArray();
        foreach (var (m, w) in pairs)
        {
            if (!m.shape.SequenceEqual(w.shape))
            {
                throw new InvalidOperationException(
                    $"The reduced-precision copy does not match the run's modules: [{string.Join(", ", m.shape)}] "
                    + $"against [{string.Join(", ", w.shape)}].");
            }
        }

        return pairs;
    }
}
