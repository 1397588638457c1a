using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Network;

/// <summary>
/// An encoder followed by one linear layer that outputs a logit per class: the supervised (SL)
/// network, and after contrastive training the frozen encoder with its linear probe.
/// </summary>
/// <remarks>The state dictionary contains the encoder under "encoder." and the layer under "output.".</remarks>
public sealed class EmotionClassifier : nn.Module<Tensor, Tensor>
{
    private readonly ResNet18 encoder;
    private readonly Linear output;

    public EmotionClassifier(ResNet18 encoder, int classCount) : base(nameof(EmotionClassifier))
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);

        this.encoder = encoder;
        output = nn.Linear(encoder.RepresentationSize, classCount);
        ClassCount = classCount;

        RegisterComponents();
    }

    public ResNet18 Encoder => encoder;

    /// <summary>The linear layer from the representation to the class logits.</summary>
    public Linear Output => output;

    public int ClassCount { get; }

    /// <summary>Returns class logits [batch, classes] for images [batch, 1, H, W].</summary>
    public override Tensor forward(Tensor images) => output.call(encoder.call(images));
}
