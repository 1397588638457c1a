using FerOrleans.Learning.Network;
using FerOrleans.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Tests;

/// <summary>
/// Training steps while another thread forces garbage collections and finalizers. If a native
/// call reads a TorchSharp Scalar that nothing managed references, the finalizer can free it
/// first, and libtorch then fails a Scalar check.
/// </summary>
public sealed class ScalarLifetimeTests
{
    private const int Steps = 300;

    public ScalarLifetimeTests() => TorchSetup.UseOneThread();

    [Fact]
    public void TrainingSteps_ConcurrentCollections_FiniteLosses()
    {
        var losses = StressTraining.Run(Steps);

        Assert.Equal(Steps, losses.Length);
        Assert.All(losses, loss => Assert.True(float.IsFinite(loss), $"A loss is {loss}."));
    }
}

/// <summary>A tiny ResNet-18 trained with SGD while a second thread collects garbage in a loop.</summary>
internal static class StressTraining
{
    /// <summary>Runs <paramref name="steps"/> training steps and returns the loss of each.</summary>
    public static float[] Run(int steps)
    {
        using var model = new EmotionClassifier(new ResNet18(new NetworkOptions(Stem.Cifar, Width: 8)), classCount: 3);
        using var optimizer = new MomentumSgd(model.parameters(), 0.01, momentum: 0.9, weightDecay: 1e-4);
        model.train();
        using var stop = new CancellationTokenSource();
        var collector = new Thread(() => CollectUntil(stop.Token)) { IsBackground = true };
        collector.Start();
        try
        {
            var losses = new float[steps];
            for (var step = 0; step < steps; step++)
            {
                losses[step] = Step(model, optimizer, step);
            }

            return losses;
        }
        finally
        {
            stop.Cancel();
            collector.Join();
        }
    }

    private static float Step(EmotionClassifier model, MomentumSgd optimizer, int step)
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator((ulong)step);
        var images = torch.randn([8, 1, 16, 16], generator: generator);            // [8, 1, 16, 16]
        var labels = torch.tensor(new long[] { 0, 1, 2, 0, 1, 2, 0, 1 });           // [8]
        optimizer.ZeroGrad();
        var loss = nn.functional.cross_entropy(model.call(images), labels);
        loss.backward();
        optimizer.Step();
        return loss.item<float>();
    }

    private static void CollectUntil(CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }
}
