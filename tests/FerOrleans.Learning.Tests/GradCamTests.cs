using FerOrleans.Learning.Batches;
using FerOrleans.Learning.Data;
using FerOrleans.Learning.Evaluation;
using FerOrleans.Learning.Network;
using FerOrleans.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Tests;

public sealed class GradCamTests
{
    public GradCamTests() => TorchSetup.UseOneThread();

    [Fact]
    public void Compute_TrainedOnQuadrantPatches_HighlightsDecidingQuadrant()
    {
        using var classifier = TrainOnQuadrants(epochs: 12);
        var test = QuadrantPatches.Create("test", perClass: 12, seed: 99);
        var indices = Enumerable.Range(0, test.Count).ToArray();

        var maps = GradCam.Compute(classifier, test, indices, torch.CPU);

        var correct = maps.Where((m, i) => QuadrantPatches.Labels[m.PredictedClass] == test.Labels[i]).Count();
        Assert.True(correct >= 0.9 * test.Count, $"The tiny network classified only {correct} of {test.Count} test images.");
        var brighterInside = 0;
        for (var i = 0; i < test.Count; i++)
        {
            var (inside, outside) = MeanInsideAndOutside(maps[i], test.Labels[i]);
            brighterInside += inside > outside ? 1 : 0;
        }
        Assert.True(
            brighterInside >= 0.8 * test.Count,
            $"Only {brighterInside} of {test.Count} maps are larger in the quadrant that decides the class.");
    }

    [Fact]
    public void Compute_CifarStem_MapHasInputSizeAndUnitRange()
    {
        using var classifier = RandomClassifier(Stem.Cifar);
        var data = QuadrantPatches.Create("shape", perClass: 2, seed: 5);

        var maps = GradCam.Compute(classifier, data, [0, 1, 2, 3], torch.CPU);

        Assert.Equal(4, maps.Length);
        foreach (var map in maps)
        {
            Assert.Equal(QuadrantPatches.Size, map.Height);
            Assert.Equal(QuadrantPatches.Size, map.Width);
            Assert.Equal(QuadrantPatches.Size * QuadrantPatches.Size, map.Values.Length);
            Assert.All(map.Values, v => Assert.InRange(v, 0f, 1f));
            Assert.Equal(map.IsEmpty ? 0f : 1f, map.Values.Max());
            Assert.Equal(map.PredictedClass, map.TargetClass);
            Assert.Equal(1f, map.Probabilities.Sum(), 1e-5f);
        }
    }

    [Fact]
    public void Compute_SameInputTwice_GivesSameMaps()
    {
        using var classifier = RandomClassifier(Stem.ImageNet);
        var data = QuadrantPatches.Create("twice", perClass: 2, seed: 6);
        int[] indices = [0, 1, 2, 3];

        var first = GradCam.Compute(classifier, data, indices, torch.CPU);
        var second = GradCam.Compute(classifier, data, indices, torch.CPU);

        for (var i = 0; i < first.Length; i++)
        {
            Assert.Equal(first[i].Values, second[i].Values);
            Assert.Equal(first[i].Probabilities, second[i].Probabilities);
        }
    }

    [Fact]
    public void Compute_ChunkedAndWhole_AgreeWithinRounding()
    {
        // Another batch size changes the convolution's summation order, so only the last bits may differ.
        using var classifier = RandomClassifier(Stem.ImageNet);
        var data = QuadrantPatches.Create("chunks", perClass: 2, seed: 6);
        int[] indices = [0, 1, 2, 3];

        var whole = GradCam.Compute(classifier, data, indices, torch.CPU);
        var chunked = GradCam.Compute(classifier, data, indices, torch.CPU, batchSize: 3);

        for (var i = 0; i < whole.Length; i++)
        {
            Assert.Equal(whole[i].PredictedClass, chunked[i].PredictedClass);
            for (var p = 0; p < whole[i].Values.Length; p++)
            {
                Assert.Equal(whole[i].Values[p], chunked[i].Values[p], 1e-4f);
            }
        }
    }

    [Fact]
    public void Compute_GlobalPoolAndLinear_EqualsClassActivationMap()
    {
        // With global average pooling and one linear layer, d(score_c)/dA_k[i, j] = W[c, k] / (h w) everywhere, so
        // Grad-CAM equals the class activation map ReLU(sum_k W[c, k] A_k), computed here from the hooked activations.
        using var classifier = RandomClassifier(Stem.Cifar);
        var data = QuadrantPatches.Create("cam", perClass: 2, seed: 7);
        int[] indices = [0, 1, 2, 3];

        var maps = GradCam.Compute(classifier, data, indices, torch.CPU, targetClass: 1);
        var reference = ClassActivationMaps(classifier, data, indices, targetClass: 1);

        for (var i = 0; i < maps.Length; i++)
        {
            Assert.Equal(1, maps[i].TargetClass);
            for (var p = 0; p < reference[i].Length; p++)
            {
                Assert.Equal(reference[i][p], maps[i].Values[p], 1e-4f);
            }
        }
    }

    [Fact]
    public void Compute_UnderNoGrad_LeavesParameterGradientsUnset()
    {
        using var classifier = RandomClassifier(Stem.ImageNet);
        var data = QuadrantPatches.Create("grad", perClass: 1, seed: 8);

        GradCamMap[] maps;
        bool gradEnabledAfter;
        using (torch.no_grad())
        {
            maps = GradCam.Compute(classifier, data, [0, 1], torch.CPU);
            gradEnabledAfter = torch.is_grad_enabled();
        }

        Assert.Equal(2, maps.Length);
        Assert.False(maps[0].IsEmpty && maps[1].IsEmpty);
        Assert.All(classifier.parameters(), p => Assert.Null(p.grad));
        Assert.False(gradEnabledAfter);
    }

    [Fact]
    public void Compute_TargetClassOutOfRange_Throws()
    {
        using var classifier = RandomClassifier(Stem.ImageNet);
        var data = QuadrantPatches.Create("range", perClass: 1, seed: 9);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => GradCam.Compute(classifier, data, [0], torch.CPU, targetClass: 2));

        Assert.Contains("2 outputs", error.Message);
    }

    private static EmotionClassifier RandomClassifier(Stem stem)
    {
        torch.manual_seed(11);
        return new EmotionClassifier(new ResNet18(new NetworkOptions(stem, Width: 8)), QuadrantPatches.Labels.Length);
    }

    /// <summary>A plain supervised loop: Adam, cross-entropy, batches of 16, one thread.</summary>
    private static EmotionClassifier TrainOnQuadrants(int epochs)
    {
        torch.manual_seed(3);
        var train = QuadrantPatches.Create("train", perClass: 32, seed: 1);
        var classifier = new EmotionClassifier(new ResNet18(new NetworkOptions(Stem.ImageNet, Width: 8)), 2);
        using var optimizer = torch.optim.Adam(classifier.parameters(), lr: 0.01);
        classifier.train();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            for (var start = 0; start < train.Count; start += 16)
            {
                using var scope = torch.NewDisposeScope();
                var batch = Enumerable.Range(start, Math.Min(16, train.Count - start)).ToArray();
                var targets = torch.tensor(batch.Select(i => (long)Array.IndexOf(QuadrantPatches.Labels, train.Labels[i])).ToArray());
                var logits = classifier.call(ImageTensors.FromImages(train, batch, torch.CPU));   // [16, 2]
                var loss = nn.functional.cross_entropy(logits, targets);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }

        optimizer.zero_grad();
        classifier.eval();
        return classifier;
    }

    private static (double Inside, double Outside) MeanInsideAndOutside(GradCamMap map, Emotion label)
    {
        double inside = 0, outside = 0;
        int insideCount = 0, outsideCount = 0;
        for (var y = 0; y < map.Height; y++)
        {
            for (var x = 0; x < map.Width; x++)
            {
                if (QuadrantPatches.InDecidingQuadrant(label, x, y))
                {
                    inside += map.At(y, x);
                    insideCount++;
                }
                else
                {
                    outside += map.At(y, x);
                    outsideCount++;
                }
            }
        }

        return (inside / insideCount, outside / outsideCount);
    }

    /// <summary>CAM from the final block's output and the linear weights, upsampled and rescaled as Grad-CAM is.</summary>
    private static float[][] ClassActivationMaps(EmotionClassifier classifier, FaceDataset data, int[] indices, int targetClass)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        classifier.eval();
        Tensor? activation = null;
        var hook = classifier.Encoder.FinalBlock.register_forward_hook((_, _, output) =>
        {
            activation = output;
            return output;
        });
        classifier.call(ImageTensors.FromImages(data, indices, torch.CPU));
        hook.remove();

        var weights = classifier.Output.weight![targetClass].reshape(1, -1, 1, 1);     // [1, C, 1, 1]
        var cam = (weights * activation!).sum(1, keepdim: true).relu();                 // [n, 1, h, w]
        var upsampled = nn.functional.interpolate(
            cam, [data.ImageSize, data.ImageSize], mode: InterpolationMode.Bilinear, align_corners: false);
        var values = upsampled.data<float>().ToArray();
        var pixels = data.ImageSize * data.ImageSize;
        return indices.Select((_, i) => Rescale(values.AsSpan(i * pixels, pixels).ToArray())).ToArray();
    }

    private static float[] Rescale(float[] map)
    {
        var (min, max) = (map.Min(), map.Max());
        return max <= 0 ? new float[map.Length] : map.Select(v => (v - min) / (max - min)).ToArray();
    }
}
