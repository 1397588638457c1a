using FerOrleans.Learning.Augmentation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Network;

/// <summary>
/// Initialises the weights of a network from a <see cref="RandomStream"/> instead of torch's
/// global generator.
/// </summary>
/// <remarks>
/// torch.manual_seed is process-wide, so two runs that start at the same time in one process
/// (two trainings in one silo) would interleave their draws and lose reproducibility. The
/// schemes are those of torchvision's ResNet and of torch's defaults: convolutions Kaiming normal
/// (fan_out, ReLU gain), batch norm weight 1 and bias 0, linear layers uniform in +-1/sqrt(fan_in).
/// </remarks>
public static class WeightInitializer
{
    /// <summary>Overwrites the weights of every convolution, batch norm and linear layer inside <paramref name="module"/>.</summary>
    public static void Initialize(nn.Module module, RandomStream random)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(random);

        using var noGrad = torch.no_grad();

        // TorchSharp's named_modules() leaves out the module itself, unlike PyTorch's, so a bare
        // Linear passed in would otherwise keep its default initialisation.
        foreach (var child in module.named_modules().Select(m => m.module).Prepend(module))
        {
            switch (child)
            {
                case Conv2d conv:
                    var fanOut = conv.weight!.shape[0] * conv.weight.shape[2] * conv.weight.shape[3];
                    FillNormal(conv.weight, Math.Sqrt(2.0 / fanOut), random);
                    if (conv.bias is not null)
                    {
                        conv.bias.zero_();
                    }

                    break;
                case BatchNorm2d norm:
                    using (var one = 1.0.ToScalar())
                    {
                        norm.Weight.fill_(one);
                    }

                    norm.Bias.zero_();
                    break;
                case Linear linear:
                    var bound = 1.0 / Math.Sqrt(linear.in_features);
                    FillUniform(linear.weight, bound, random);
                    if (linear.bias is not null)
                    {
                        FillUniform(linear.bias, bound, random);
                    }

                    break;
            }
        }
    }

    private static void FillNormal(Tensor target, double standardDeviation, RandomStream random)
    {
        var values = new float[target.numel()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextGaussian() * standardDeviation);
        }

        Copy(values, target);
    }

    private static void FillUniform(Tensor target, double bound, RandomStream random)
    {
        var values = new float[target.numel()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)random.NextDouble(-bound, bound);
        }

        Copy(values, target);
    }

    private static void Copy(float[] values, Tensor target)
    {
        using var source = torch.tensor(values, target.shape, dtype: target.dtype, device: target.device);
        target.copy_(source);
    }
}
