using static TorchSharp.torch;

namespace FerOrleans.Learning.Losses;

/// <summary>
/// The SimCLR (NT-Xent) loss: each view's positives are the other views of the same image.
/// </summary>
public static class SimClrLoss
{
    /// <summary>
    /// Computes the mean SimCLR loss of <paramref name="features"/> [images, views, dim], rows
    /// L2-normalised. For anchor i with other view o(i) it is
    /// -(tau / base_tau) x log(exp(s_io / tau) / sum over q != i of exp(s_iq / tau)); with more
    /// than two views the log term is averaged over the other views.
    /// </summary>
    /// <remarks>
    /// This is <see cref="SupConLoss"/> without labels, exactly as SupContrast computes SimCLR,
    /// so the two losses cannot drift apart.
    /// </remarks>
    public static Tensor Compute(Tensor features, double temperature, double? baseTemperature = null) =>
        SupConLoss.Compute(features, labels: null, temperature, baseTemperature);
}
