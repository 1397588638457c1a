using FerOrleans.Learning.Augmentation;
using FerOrleans.Learning.Network;
using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Training;

/// <summary>The modules of one run: encoder, projection head (SC and UC only) and classifier over the same encoder.</summary>
internal sealed class RunNetwork : IDisposable
{
    // Keys of the weight-initialisation streams, apart from the batch streams.
    private const long InitializationPurpose = 100;

    private RunNetwork(ResNet18 encoder, ProjectionHead? head, EmotionClassifier classifier)
    {
        Encoder = encoder;
        Head = head;
        Classifier = classifier;
    }

    public ResNet18 Encoder { get; }

    public ProjectionHead? Head { get; }

    /// <summary>The encoder with the linear layer over the classes of A.</summary>
    public EmotionClassifier Classifier { get; }

    /// <summary>Builds the modules, initialises them from streams of <paramref name="seed"/> and moves them to <paramref name="device"/>.</summary>
    public static RunNetwork Create(NetworkOptions options, bool withHead, int classCount, int seed, Device device)
    {
        var encoder = new ResNet18(options);
        var head = withHead ? new ProjectionHead(options) : null;
        var classifier = new EmotionClassifier(encoder, classCount);

        WeightInitializer.Initialize(encoder, RandomStream.Derive(seed, InitializationPurpose, 0));
        if (head is not null)
        {
            WeightInitializer.Initialize(head, RandomStream.Derive(seed, InitializationPurpose, 1));
        }

        WeightInitializer.Initialize(classifier.Output, RandomStream.Derive(seed, InitializationPurpose, 2));

        classifier.to(device);
        head?.to(device);
        return new RunNetwork(encoder, head, classifier);
    }

    public void Dispose()
    {
        Classifier.Dispose();
        Head?.Dispose();
    }
}
