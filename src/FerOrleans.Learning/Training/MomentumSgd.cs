using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Training;

/// <summary>
/// Stochastic gradient descent with momentum and L2 weight decay, with the update of
/// torch.optim.SGD at dampening 0 and without Nesterov momentum:
/// d_p = grad + weight_decay x p; buf = momentum x buf + d_p (buf = d_p at the first step);
/// p = p - lr x buf.
/// </summary>
/// <remarks>
/// NOTE: this replaces TorchSharp 0.107's SGD, whose step passes its learning rate, momentum and
/// weight decay as implicitly converted Scalars. During the native call only the Scalar's handle
/// is in use, so the garbage collector can run its finalizer, which frees the native value.
/// Long runs then failed at random with "Expected false to be true" from c10 Scalar toFloat.
/// Here a <c>using</c> disposes every Scalar after the native call, which keeps it reachable until then.
/// </remarks>
public sealed class MomentumSgd : IDisposable
{
    private readonly Parameter[] parameters;
    private readonly Tensor?[] momentumBuffers;
    private bool disposed;

    /// <summary>Creates an optimizer over <paramref name="parameters"/>, without momentum buffers until the first step.</summary>
    public MomentumSgd(IEnumerable<Parameter> parameters, double learningRate, double momentum, double weightDecay)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(momentum);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        this.parameters = parameters.ToArray();
        momentumBuffers = new Tensor?[this.parameters.Length];
        LearningRate = learningRate;
        Momentum = momentum;
        WeightDecay = weightDecay;
    }

    /// <summary>The learning rate of the next step, which the schedule sets once per epoch.</summary>
    public double LearningRate { get; set; }

    /// <summary>The momentum factor. At 0 the optimizer keeps no buffers.</summary>
    public double Momentum { get; }

    /// <summary>The L2 weight decay factor added to each gradient.</summary>
    public double WeightDecay { get; }

    /// <summary>The optimized parameters, in the order of <see cref="GetMomentumBuffer"/>.</summary>
    public IReadOnlyList<Parameter> Parameters => parameters;

    /// <summary>Returns the momentum buffer of parameter <paramref name="index"/>, null before its first step.</summary>
    public Tensor? GetMomentumBuffer(int index) => momentumBuffers[index];

    /// <summary>
    /// Replaces the momentum buffer of parameter <paramref name="index"/> and takes ownership of
    /// <paramref name="buffer"/>, which must have the parameter's shape and live outside any dispose scope.
    /// </summary>
    public void SetMomentumBuffer(int index, Tensor? buffer)
    {
        if (buffer is not null && !buffer.shape.SequenceEqual(parameters[index].shape))
        {
            throw new ArgumentException(
                $"The momentum buffer of parameter {index} has shape [{string.Join(", ", buffer.shape)}], "
                + $"but the parameter has shape [{string.Join(", ", parameters[index].shape)}].",
                nameof(buffer));
        }

        momentumBuffers[index]?.Dispose();
        momentumBuffers[index] = buffer;
    }

    /// <summary>Sets the gradient of every parameter to zero, in place, as TorchSharp's optimizers do.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in parameters)
        {
            using var grad = parameter.grad;
            grad?.zero_();
        }
    }

    /// <summary>Updates every parameter that has a gradient; parameters without one are left alone.</summary>
    public void Step()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        using var noGrad = torch.no_grad();
        using var momentum = Momentum.ToScalar();
        using var weightDecay = WeightDecay.ToScalar();
        using var unitAlpha = 1.0.ToScalar();
        using var negativeLearningRate = (-LearningRate).ToScalar();
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            using var grad = parameter.grad;
            if (grad is null)
            {
                continue;
            }

            using var decayed = WeightDecay != 0 ? grad.add(parameter, weightDecay) : null;
            var update = decayed ?? grad;
            if (Momentum != 0)
            {
                update = UpdateMomentum(i, update, momentum, unitAlpha);
            }

            parameter.add_(update, negativeLearningRate);
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        for (var i = 0; i < momentumBuffers.Length; i++)
        {
            momentumBuffers[i]?.Dispose();
            momentumBuffers[i] = null;
        }
    }

    /// <summary>Returns buf = momentum x buf + d_p, creating buf as a copy of d_p at the first step.</summary>
    private Tensor UpdateMomentum(int index, Tensor decayed, Scalar momentum, Scalar unitAlpha)
    {
        var buffer = momentumBuffers[index];
        if (buffer is null)
        {
            buffer = decayed.clone().detach().DetachFromDisposeScope();
            momentumBuffers[index] = buffer;
            return buffer;
        }

        buffer.mul_(momentum).add_(decayed, unitAlpha);
        return buffer;
    }
}
