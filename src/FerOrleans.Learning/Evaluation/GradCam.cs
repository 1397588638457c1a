using FerOrleans.Learning.Batches;
using FerOrleans.Learning.Data;
using FerOrleans.Learning.Network;
using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Evaluation;

/// <summary>
/// Grad-CAM on the last block of layer 4 of a classifier's encoder. For activations
/// A_k of that block and the score y of the target class, the weights are w_k = mean over (i, j) of
/// dy/dA_k[i, j], and the map is ReLU(sum_k w_k A_k), upsampled bilinearly to the input size and rescaled
/// by (x - min) / (max - min) to [0, 1].
/// </summary>
/// <remarks>
/// The classifier is switched to eval mode and left there, as <see cref="Evaluator"/> does. Gradients come from
/// <c>torch.autograd.grad</c>, so no parameter's <c>.grad</c> changes, and every tensor is disposed before
/// the methods return. The result is deterministic for a fixed torch thread count.
/// </remarks>
public static class GradCam
{
    /// <summary>Images per forward and backward pass.</summary>
    public const int DefaultBatchSize = 64;

    /// <summary>Maps below this maximum count as empty: all of their values are set to zero.</summary>
    private const float EmptyMaximum = 1e-12f;

    /// <summary>
    /// Computes the map of each image at <paramref name="indices"/> of <paramref name="data"/> for its predicted
    /// class, or for output index <paramref name="targetClass"/> when one is given.
    /// </summary>
    public static GradCamMap[] Compute(
        EmotionClassifier classifier,
        FaceDataset data,
        IReadOnlyList<int> indices,
        Device device,
        int? targetClass = null,
        int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (targetClass is { } target && (target < 0 || target >= classifier.ClassCount))
        {
            throw new ArgumentOutOfRangeException(
                nameof(targetClass), target, $"The classifier has {classifier.ClassCount} outputs (0 to {classifier.ClassCount - 1}).");
        }

        classifier.eval();
        var all = indices.ToArray();
        var maps = new List<GradCamMap>(all.Length);
        for (var start = 0; start < all.Length; start += batchSize)
        {
            var chunk = all.AsSpan(start, Math.Min(batchSize, all.Length - start));
            using var scope = torch.NewDisposeScope();
            var images = ImageTensors.FromImages(data, chunk, device);   // [chunk, 1, H, W]
            maps.AddRange(ComputeBatch(classifier, images, targetClass));
        }

        return maps.ToArray();
    }

    /// <summary>Computes the maps of all images in <paramref name="data"/> with a <see cref="TrainedModel"/>.</summary>
    public static GradCamMap[] Compute(TrainedModel model, FaceDataset data, int? targetClass = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        if (data.ImageSize != model.ImageSize)
        {
            throw new ArgumentException(
                $"Data set '{data.Name}' has {data.ImageSize}x{data.ImageSize} images; the model was trained on "
                + $"{model.ImageSize}x{model.ImageSize}. Pre-process the images to that size.", nameof(data));
        }

        return Compute(model.Classifier, data, Enumerable.Range(0, data.Count).ToArray(), model.Device, targetClass);
    }

    /// <summary>One forward pass with the target layer's output captured, one gradient, one map per image.</summary>
    /// <remarks>Call inside a dispose scope: the tensors made here belong to the caller's scope.</remarks>
    private static GradCamMap[] ComputeBatch(EmotionClassifier classifier, Tensor images, int? targetClass)
    {
        // The caller may be under no_grad (as evaluation is); the gradient needs a graph.
        using var gradients = torch.enable_grad();
        Tensor? activation = null;
        var hook = classifier.Encoder.FinalBlock.register_forward_hook((_, _, output) =>
        {
            activation = output;
            return output;
        });

        Tensor logits;
        try
        {
            // The input requires grad so that a graph exists even when every parameter is frozen.
            logits = classifier.call(images.requires_grad_(true));    // [n, classes]
        }
        finally
        {
            hook.remove();
        }

        if (activation is null)
        {
            throw new InvalidOperationException("The forward hook on the last block of layer 4 did not fire.");
        }

        var predicted = logits.argmax(1);                              // [n]
        using var targetScalar = (targetClass ?? 0).ToScalar();
        var target = targetClass is null ? predicted : torch.full_like(predicted, targetScalar);
        var score = logits.gather(1, target.unsqueeze(1)).sum();        // scalar: sum of each image's target logit

        // Images are independent in eval mode, so the gradient of the sum is each image's own gradient.
        var grad = torch.autograd.grad([score], [activation])[0];      // [n, C, h, w]
        var weights = grad.mean([2, 3], keepdim: true);                 // [n, C, 1, 1]
        var cam = (weights * activation).sum(1, keepdim: true).relu();  // [n, 1, h, w]
        var size = new long[] { images.shape[2], images.shape[3] };
        var upsampled = nn.functional.interpolate(
            cam, size, mode: InterpolationMode.Bilinear, align_corners: false).squeeze(1);  // [n, H, W]

        return ToMaps(
            upsampled.detach(),
            predicted.cpu().data<long>().ToArray(),
            target.cpu().data<long>().ToArray(),
            logits.detach().softmax(1));
    }

    private static GradCamMap[] ToMaps(Tensor upsampled, long[] predicted, long[] target, Tensor probabilities)
    {
        var count = (int)upsampled.shape[0];
        var height = (int)upsampled.shape[1];
        var width = (int)upsampled.shape[2];
        var values = upsampled.cpu().data<float>().ToArray();
        var probabilityValues = probabilities.cpu().data<float>().ToArray();
        var classes = (int)probabilities.shape[1];
        var maps = new GradCamMap[count];
        for (var i = 0; i < count; i++)
        {
            var map = values.AsSpan(i * height * width, height * width).ToArray();
            var isEmpty = RescaleToUnitRange(map);
            maps[i] = new GradCamMap(
                map,
                height,
                width,
                (int)target[i],
                (int)predicted[i],
                probabilityValues.AsSpan(i * classes, classes).ToArray(),
                isEmpty);
        }

        return maps;
    }

    /// <summary>
    /// Rescales a non-negative map to [0, 1] by (x - min) / (max - min). Returns true and zeroes the map when
    /// its maximum is (numerically) zero. A constant positive map becomes all ones.
    /// </summary>
    private static bool RescaleToUnitRange(Span<float> map)
    {
        var minimum = float.PositiveInfinity;
        var maximum = float.NegativeInfinity;
        foreach (var value in map)
        {
            minimum = Math.Min(minimum, value);
            maximum = Math.Max(maximum, value);
        }

        if (maximum < EmptyMaximum)
        {
            map.Clear();
            return true;
        }

        var range = maximum - minimum;
        for (var i = 0; i < map.Length; i++)
        {
            map[i] = range > 0 ? (map[i] - minimum) / range : 1f;
        }

        return false;
    }
}
