using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Losses;

/// <summary>
/// Supervised contrastive loss (Khosla et al. 2020), with the semantics of SupConLoss in
/// HobbitLong/SupContrast losses.py: contrast_mode "all", loss scaled by tau / base_tau, mean
/// over all anchors.
/// </summary>
public static class SupConLoss
{
    /// <summary>
    /// Computes the mean SupCon loss of <paramref name="features"/> [images, views, dim], whose
    /// rows must already be L2-normalised.
    /// </summary>
    /// <param name="features">Embeddings [images, views, dim], float32 or float64.</param>
    /// <param name="labels">
    /// One label per image [images] (any integer type), or null for SimCLR: then an image's other
    /// views are its only positives.
    /// </param>
    /// <param name="temperature">tau, greater than 0.</param>
    /// <param name="baseTemperature">base_tau of the scale tau / base_tau; null means tau (scale 1).</param>
    /// <returns>A scalar tensor of the dtype of <paramref name="features"/>.</returns>
    /// <remarks>
    /// For anchor i with positives P(i) (other views with the same label), the loss is
    /// -(tau / base_tau) / |P(i)| x sum over p in P(i) of log(exp(s_ip / tau) / sum over q != i of exp(s_iq / tau)).
    /// An anchor without positives contributes 0, and the mean still counts it, as in the
    /// reference code.
    /// </remarks>
    public static Tensor Compute(Tensor features, Tensor? labels, double temperature, double? baseTemperature = null)
    {
        Validate(features, labels, temperature, baseTemperature);

        var images = features.shape[0];
        var views = features.shape[1];
        var anchors = images * views;
        var device = features.device;

        // Anchors in view-major order: all first views, then all second views, ...  [anchors, dim]
        var contrast = features.transpose(0, 1).reshape(anchors, features.shape[2]);

        // Scaled cosine similarities; the diagonal is set to -inf so that an anchor is never in its
        // own denominator. Subtracting the row maximum with the diagonal included, and then
        // multiplying a 0 mask by the resulting -inf, gave NaN in float32 at tau = 0.01.
        // The using declarations keep every Scalar reachable, so not finalized, until the method returns.
        using var temperatureScalar = temperature.ToScalar();
        using var negativeInfinity = double.NegativeInfinity.ToScalar();
        var self = torch.eye(anchors, dtype: ScalarType.Bool, device: device);          // [anchors, anchors]
        var logits = contrast.matmul(contrast.transpose(0, 1)).div(temperatureScalar);  // [anchors, anchors]
        logits = logits.masked_fill(self, negativeInfinity);

        // log of exp(s_ip / tau) / sum over q != i of exp(s_iq / tau)
        var logProbability = logits - logits.logsumexp(1, keepdim: true);              // [anchors, anchors]

        // Positives: same label (or same image for SimCLR), never the anchor itself.
        using var start = 0L.ToScalar();
        using var stop = images.ToScalar();
        using var stride = 1L.ToScalar();
        var identity = labels is null
            ? torch.arange(start, stop, stride, dtype: ScalarType.Int64, device: device)
            : labels.to(ScalarType.Int64).to(device);
        var anchorIdentity = identity.repeat(views);                                    // [anchors]
        var positive = anchorIdentity.unsqueeze(1).eq(anchorIdentity.unsqueeze(0))
            .logical_and(self.logical_not());                                           // [anchors, anchors]

        // Mean log-probability over each anchor's positives; torch.where keeps the -inf diagonal
        // out of the sum (0 x -inf is NaN), and the count is clamped so that an anchor without
        // positives gets 0 / 1 = 0.
        var zero = torch.zeros(1, dtype: features.dtype, device: device);
        var positiveSum = torch.where(positive, logProbability, zero).sum(1);          // [anchors]
        using var minimumCount = 1.ToScalar();
        var positiveCount = positive.sum(1).to(features.dtype).clamp_min(minimumCount); // [anchors]
        var meanLogProbability = positiveSum / positiveCount;

        using var negativeScale = (-temperature / (baseTemperature ?? temperature)).ToScalar();
        return meanLogProbability.mul(negativeScale).mean();
    }

    private static void Validate(Tensor features, Tensor? labels, double temperature, double? baseTemperature)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.dim() != 3)
        {
            throw new ArgumentException(
                $"Features must be [images, views, dim]; got a tensor of shape [{string.Join(", ", features.shape)}].",
                nameof(features));
        }

        if (features.dtype != ScalarType.Float32 && features.dtype != ScalarType.Float64)
        {
            throw new ArgumentException($"Features must be float32 or float64; got {features.dtype}.", nameof(features));
        }

        if (features.shape[0] * features.shape[1] < 2)
        {
            throw new ArgumentException(
                $"The loss needs at least 2 anchors; got {features.shape[0]} images x {features.shape[1]} views.",
                nameof(features));
        }

        if (labels is not null && (labels.dim() != 1 || labels.shape[0] != features.shape[0]))
        {
            throw new ArgumentException(
                $"Labels must be [images] = [{features.shape[0]}]; got shape [{string.Join(", ", labels.shape)}].",
                nameof(labels));
        }

        if (!(temperature > 0) || double.IsInfinity(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The temperature must be a finite number > 0.");
        }

        if (baseTemperature is { } value && (!(value > 0) || double.IsInfinity(value)))
        {
            throw new ArgumentOutOfRangeException(nameof(baseTemperature), value, "The base temperature must be a finite number > 0.");
        }
    }
}
