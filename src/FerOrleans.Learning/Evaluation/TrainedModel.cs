using FerOrleans.Learning.Data;
using FerOrleans.Learning.Network;
using FerOrleans.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Evaluation;

/// <summary>
/// A trained encoder with its linear classifier, together with the network options, class labels
/// and image size it was trained with. <see cref="Save"/> writes all of it as one checksummed byte array.
/// </summary>
public sealed class TrainedModel : IDisposable
{
    private const int FormatVersion = 1;

    private static readonly byte[] Magic = "FERMODL1"u8.ToArray();

    private TrainedModel(NetworkOptions network, Emotion[] classLabels, int imageSize, EmotionClassifier classifier, Device device)
    {
        Network = network;
        ClassLabels = classLabels;
        ImageSize = imageSize;
        Classifier = classifier;
        Device = device;
    }

    public NetworkOptions Network { get; }

    /// <summary>The classes in output order.</summary>
    public IReadOnlyList<Emotion> ClassLabels { get; }

    /// <summary>Side length of the square images the model was trained on.</summary>
    public int ImageSize { get; }

    public EmotionClassifier Classifier { get; }

    public Device Device { get; }

    /// <summary>Returns the saved form of <paramref name="classifier"/> without taking ownership of it.</summary>
    public static byte[] Serialize(NetworkOptions network, IReadOnlyList<Emotion> classLabels, int imageSize, EmotionClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(classLabels);
        ArgumentNullException.ThrowIfNull(classifier);
        if (classifier.ClassCount != classLabels.Count)
        {
            throw new ArgumentException($"The classifier has {classifier.ClassCount} outputs but {classLabels.Count} class labels were given.");
        }

        var header = RunConfigJson.Serialize(new ModelHeader(network, classLabels.ToArray(), imageSize));
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(header);
            var state = ModuleState.ToBytes(classifier);
            writer.Write(state.Length);
            writer.Write(state);
        }

        return ChecksummedEnvelope.Seal(Magic, FormatVersion, sequence: 0, stream.ToArray());
    }

    public byte[] Save() => Serialize(Network, ClassLabels, ImageSize, Classifier);

    /// <summary>
    /// Reads a model written by <see cref="Save"/> onto <paramref name="device"/> (default cpu).
    /// Throws <see cref="InvalidDataException"/> for corrupted bytes or another format version.
    /// </summary>
    public static TrainedModel Load(byte[] bytes, Device? device = null)
    {
        const string description = "The saved model";
        var (version, _, payload) = ChecksummedEnvelope.Open(bytes, Magic, description);
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"{description} has format version {version}; this build reads version {FormatVersion}.");
        }

        ModelHeader header;
        byte[] state;
        try
        {
            using var reader = new BinaryReader(new MemoryStream(payload, writable: false));
            header = RunConfigJson.Deserialize<ModelHeader>(reader.ReadString());
            state = reader.ReadBytes(reader.ReadInt32());
        }
        catch (Exception exception) when (exception is EndOfStreamException or System.Text.Json.JsonException)
        {
            throw new InvalidDataException($"{description} has an unreadable payload.", exception);
        }

        var target = device ?? torch.CPU;
        var classifier = new EmotionClassifier(new ResNet18(header.Network), header.ClassLabels.Length);
        try
        {
            ModuleState.Load(classifier, state);
            classifier.to(target);
            classifier.eval();
            return new TrainedModel(header.Network, header.ClassLabels, header.ImageSize, classifier, target);
        }
        catch
        {
            classifier.Dispose();
            throw;
        }
    }

    /// <summary>Returns, per image of <paramref name="images"/>, the softmax over <see cref="ClassLabels"/>.</summary>
    public float[][] PredictProbabilities(FaceDataset images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.ImageSize != ImageSize)
        {
            throw new ArgumentException(
                $"Data set '{images.Name}' has {images.ImageSize}x{images.ImageSize} images; the model was trained on "
                + $"{ImageSize}x{ImageSize}. Pre-process the images to that size.", nameof(images));
        }

        return Evaluator.PredictProbabilities(Classifier, images, Enumerable.Range(0, images.Count).ToArray(), Device);
    }

    public void Dispose() => Classifier.Dispose();

    private sealed record ModelHeader(NetworkOptions Network, Emotion[] ClassLabels, int ImageSize);
}
