using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Network;

/// <summary>
/// Batch normalisation over [batch, channels, height, width] with a learned scale and shift and
/// tracked running statistics, as torch.nn.BatchNorm2d with its defaults (momentum 0.1,
/// eps 1e-5). Its state dictionary has TorchSharp's keys: weight, bias, running_mean,
/// running_var and num_batches_tracked, so saved models and checkpoints load unchanged.
/// </summary>
/// <remarks>
/// NOTE: this replaces TorchSharp 0.107's BatchNorm2d, whose forward counts batches with
/// <c>num_batches_tracked.add_(1)</c>. During the native call only the handle of that implicit
/// Scalar is in use, so the garbage collector can run its finalizer, which frees the native value.
/// Long runs then failed at random with "Expected false to be true" from c10 Scalar toLong.
/// Here a <c>using</c> disposes the Scalar after the call, which keeps it reachable until then.
/// </remarks>
public sealed class BatchNorm2d : nn.Module<Tensor, Tensor>
{
    /// <summary>Weight of the running statistics' exponential moving average, as in torch.</summary>
    public const double Momentum = 0.1;

    /// <summary>Added to the variance before the square root, as in torch.</summary>
    public const double Epsilon = 1e-5;

    // RegisterComponents registers these fields by name, so the names are the state dictionary keys.
    private readonly Parameter weight;
    private readonly Parameter bias;
    private readonly Tensor running_mean;
    private readonly Tensor running_var;
    private readonly Tensor num_batches_tracked;

    /// <summary>Creates the module for <paramref name="features"/> channels: scale 1, shift 0, mean 0, variance 1.</summary>
    public BatchNorm2d(long features) : base(nameof(BatchNorm2d))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        Features = features;
        weight = new Parameter(torch.ones(features));
        bias = new Parameter(torch.zeros(features));
        running_mean = torch.zeros(features);
        running_var = torch.ones(features);
        num_batches_tracked = torch.tensor(0L);
        RegisterComponents();
    }

    /// <summary>The number of channels normalised.</summary>
    public long Features { get; }

    /// <summary>The learned per-channel scale [channels].</summary>
    public Parameter Weight => weight;

    /// <summary>The learned per-channel shift [channels].</summary>
    public Parameter Bias => bias;

    /// <summary>The number of training batches seen, an int64 scalar tensor.</summary>
    public Tensor BatchesTracked => num_batches_tracked;

    /// <summary>
    /// Normalises <paramref name="input"/> [batch, channels, height, width] with the batch
    /// statistics in training mode, updating the running ones, and with the running ones in eval mode.
    /// </summary>
    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 4 || input.shape[1] != Features)
        {
            throw new ArgumentException(
                $"BatchNorm2d({Features}) expects [batch, {Features}, height, width] input; "
                + $"it got [{string.Join(", ", input.shape)}].",
                nameof(input));
        }

        if (training)
        {
            // add_(Scalar) alone would create its alpha of 1 implicitly inside TorchSharp.
            using var increment = 1L.ToScalar();
            using var unitAlpha = 1L.ToScalar();
            num_batches_tracked.add_(increment, unitAlpha);
        }

        return nn.functional.batch_norm(
            input, running_mean, running_var, weight, bias, training, Momentum, Epsilon);
    }
}
