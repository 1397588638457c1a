using FerOrleans.Learning.Data;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Batches;

/// <summary>
/// One mini-batch: <see cref="ImageCount"/> images with <see cref="ViewsPerImage"/> augmented
/// views each, stored view-major (all first views, then all second views).
/// </summary>
public sealed class TrainingBatch : IDisposable
{
    public TrainingBatch(Tensor images, int viewsPerImage, Emotion[] labels, ViewSource[] sources)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(viewsPerImage, 1);
        if (sources.Length != labels.Length * viewsPerImage || images.shape[0] != sources.Length)
        {
            throw new ArgumentException(
                $"A batch of {labels.Length} images x {viewsPerImage} views needs {labels.Length * viewsPerImage} "
                + $"sources and tensor rows; got {sources.Length} sources and {images.shape[0]} rows.");
        }

        Images = images;
        ViewsPerImage = viewsPerImage;
        Labels = labels;
        Sources = sources;
    }

    /// <summary>Pixels [ImageCount x ViewsPerImage, 1, size, size], normalised, view-major.</summary>
    public Tensor Images { get; }

    public int ImageCount => Labels.Length;

    public int ViewsPerImage { get; }

    public int ViewCount => Sources.Length;

    /// <summary>One label per image. In (c&lt;-a) batches it is the label of the target image and its partner.</summary>
    public Emotion[] Labels { get; }

    /// <summary>The source image of each view, in the row order of <see cref="Images"/>.</summary>
    public ViewSource[] Sources { get; }

    /// <summary>The source of view <paramref name="view"/> of image <paramref name="image"/>.</summary>
    public ViewSource Source(int image, int view) => Sources[view * ImageCount + image];

    public void Dispose() => Images.Dispose();
}
