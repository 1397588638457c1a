using FerOrleans.Learning.Augmentation;
using FerOrleans.Learning.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Batches;

/// <summary>Un-augmented, normalised image tensors for evaluation and prediction.</summary>
public static class ImageTensors
{
    /// <summary>Returns the images at <paramref name="indices"/> as a tensor [count, 1, size, size] on <paramref name="device"/>.</summary>
    public static Tensor FromImages(FaceDataset data, ReadOnlySpan<int> indices, Device device)
    {
        ArgumentNullException.ThrowIfNull(data);
        var pixelsPerImage = data.PixelsPerImage;
        var pixels = new float[indices.Length * pixelsPerImage];
        for (var i = 0; i < indices.Length; i++)
        {
            PixelNormalization.NormalizeBytes(data.Image(indices[i]), pixels.AsSpan(i * pixelsPerImage, pixelsPerImage));
        }

        long[] shape = [indices.Length, 1, data.ImageSize, data.ImageSize];
        return torch.tensor(pixels, shape, device: device);
    }
}
