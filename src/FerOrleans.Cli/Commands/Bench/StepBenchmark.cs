using System.Diagnostics;
using FerOrleans.Learning.Losses;
using FerOrleans.Learning.Network;
using FerOrleans.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Cli.Commands.Bench;

/// <summary>
/// Times the SupCon training step of the study's network: forward through ResNet-18 and the
/// projection head, SupCon loss, backward and one SGD step, on random 1x48x48 views.
/// </summary>
/// <remarks>
/// The optimiser settings (lr 0.05, momentum 0.9, weight decay 1e-4) and tau = 0.07 are the
/// training defaults of <see cref="TrainingOptions"/>; bench/step.py does the same in PyTorch.
/// </remarks>
public static class StepBenchmark
{
    /// <summary>Images per step; each has <see cref="Views"/> views.</summary>
    public const int Images = 32;

    public const int Views = 2;

    public const int ImageSize = 48;

    private const int Classes = 7;

    /// <summary>
    /// Runs <paramref name="warmup"/> unmeasured and <paramref name="steps"/> measured steps of <paramref name="step"/>
    /// on CUDA where torch has a device, else on the CPU. Each step ends by reading the loss, which waits for the device.
    /// </summary>
    public static StepMeasurement Measure(StepCase step, int steps, int warmup)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);

        torch.set_num_threads(step.Threads);
        torch.manual_seed(1);
        var defaults = new TrainingOptions();
        var options = new NetworkOptions(step.Stem, step.Width);
        var device = TorchDevice.Select();
        using var encoder = new ResNet18(options);
        using var head = new ProjectionHead(options);
        encoder.to(device);
        head.to(device);
        var parameters = encoder.parameters().Concat(head.parameters()).ToArray();
        using var optimizer = new MomentumSgd(parameters, defaults.LearningRate, defaults.Momentum, defaults.WeightDecay);
        using var images = torch.randn(Views * Images, 1, ImageSize, ImageSize, device: device);  // [views x images, 1, 48, 48]
        using var labels = torch.randint(0, Classes, Images, dtype: ScalarType.Int64, device: device);
        encoder.train();
        head.train();

        var times = new double[steps];
        double loss = double.NaN;
        for (var i = 0; i < warmup + steps; i++)
        {
            var watch = Stopwatch.StartNew();
            loss = TrainStep(encoder, head, optimizer, images, labels, defaults.SupConTemperature);
            if (i >= warmup)
            {
                times[i - warmup] = watch.Elapsed.TotalMilliseconds;
            }
        }

        return new StepMeasurement("torchsharp", step, times, loss);
    }

    /// <summary>One SupCon step on view-major <paramref name="images"/> [views x images, 1, H, W]; returns the loss.</summary>
    internal static double TrainStep(
        ResNet18 encoder, ProjectionHead head, MomentumSgd optimizer, Tensor images, Tensor labels, double tau)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.ZeroGrad();
        var imageCount = labels.shape[0];
        var embeddings = head.call(encoder.call(images));                            // [views x images, K]
        var features = embeddings.view(-1, imageCount, embeddings.shape[1]).transpose(0, 1);  // [images, views, K]
        var loss = SupConLoss.Compute(features, labels, tau);
        loss.backward();
        optimizer.Step();
        return loss.item<float>();
    }
}
