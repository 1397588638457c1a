using FerOrleans.Learning.Batches;
using FerOrleans.Learning.Data;
using FerOrleans.Learning.Network;
using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Evaluation;

/// <summary>Top-1 evaluation and class probabilities of a classifier on un-augmented images.</summary>
/// <remarks>Both methods switch the whole classifier to eval mode and leave it there.</remarks>
public static class Evaluator
{
    /// <summary>Images per forward pass.</summary>
    public const int DefaultBatchSize = 256;

    /// <summary>
    /// Returns the confusion matrix of <paramref name="classifier"/> on the images of
    /// <paramref name="data"/> at <paramref name="indices"/>, in eval mode under no_grad.
    /// Every label of those images must be one of <paramref name="classLabels"/>.
    /// </summary>
    public static ConfusionMatrix Evaluate(
        EmotionClassifier classifier,
        FaceDataset data,
        IReadOnlyList<int> indices,
        IReadOnlyList<Emotion> classLabels,
        Device device,
        int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(classLabels);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        CheckClassCount(classifier, classLabels.Count);

        var classIndex = classLabels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i);
        var matrix = new ConfusionMatrix(classLabels);
        var predicted = Predict(classifier, data, indices, device, batchSize, probabilities: false);
        for (var i = 0; i < indices.Count; i++)
        {
            var label = data.Labels[indices[i]];
            if (!classIndex.TryGetValue(label, out var trueClass))
            {
                throw new ArgumentException(
                    $"Image {indices[i]} of '{data.Name}' is labelled {label}, which is not a class of the classifier "
                    + $"({string.Join(", ", classLabels)}).", nameof(indices));
            }

            matrix.Add(trueClass, (int)predicted[i][0]);
        }

        return matrix;
    }

    /// <summary>Returns the softmax over the classes for each image at <paramref name="indices"/>: [image][class].</summary>
    public static float[][] PredictProbabilities(
        EmotionClassifier classifier,
        FaceDataset data,
        IReadOnlyList<int> indices,
        Device device,
        int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(indices);
        return Predict(classifier, data, indices, device, batchSize, probabilities: true);
    }

    /// <summary>Runs the classifier in chunks; returns per image the probabilities, or only the argmax class.</summary>
    private static float[][] Predict(
        EmotionClassifier classifier,
        FaceDataset data,
        IReadOnlyList<int> indices,
        Device device,
        int batchSize,
        bool probabilities)
    {
        classifier.eval();
        var all = indices.ToArray();
        var results = new float[all.Length][];
        using var noGrad = torch.no_grad();
        for (var start = 0; start < all.Length; start += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            var chunk = all.AsSpan(start, Math.Min(batchSize, all.Length - start));
            var logits = classifier.call(ImageTensors.FromImages(data, chunk, device));  // [chunk, classes]
            if (probabilities)
            {
                var values = logits.softmax(1).cpu().data<float>().ToArray();
                var classes = (int)logits.shape[1];
                for (var i = 0; i < chunk.Length; i++)
                {
                    results[start + i] = values.AsSpan(i * classes, classes).ToArray();
                }
            }
            else
            {
                var best = logits.argmax(1).cpu().data<long>().ToArray();
                for (var i = 0; i < chunk.Length; i++)
                {
                    results[start + i] = [best[i]];
                }
            }
        }

        return results;
    }

    private static void CheckClassCount(EmotionClassifier classifier, int classCount)
    {
        if (classifier.ClassCount != classCount)
        {
            throw new ArgumentException(
                $"The classifier has {classifier.ClassCount} outputs but {classCount} class labels were given.");
        }
    }
}
