using FerOrleans.Learning.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Network;

/// <summary>
/// ResNet-18 (BasicBlock, [2, 2, 2, 2]) for one input channel, with a configurable stem and
/// width, ending in global average pooling: input [batch, 1, H, W], output [batch, 8 x width].
/// </summary>
/// <remarks>
/// TorchSharp's torchvision resnet18 is hard-wired to three input channels, hence this module.
/// Submodule names follow torchvision (stem, layer1 ... layer4), so state dictionaries read alike.
/// </remarks>
public sealed class ResNet18 : nn.Module<Tensor, Tensor>
{
    private static readonly int[] BlocksPerStage = [2, 2, 2, 2];

    private readonly Sequential stem;
    private readonly Sequential layer1;
    private readonly Sequential layer2;
    private readonly Sequential layer3;
    private readonly Sequential layer4;
    private readonly AdaptiveAvgPool2d pool;

    public ResNet18(NetworkOptions options) : base(nameof(ResNet18))
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Width, 1);
        Options = options;

        var width = options.Width;
        stem = BuildStem(options.Stem, width);
        layer1 = BuildStage(width, width, BlocksPerStage[0], stride: 1);
        layer2 = BuildStage(width, 2 * width, BlocksPerStage[1], stride: 2);
        layer3 = BuildStage(2 * width, 4 * width, BlocksPerStage[2], stride: 2);
        layer4 = BuildStage(4 * width, 8 * width, BlocksPerStage[3], stride: 2);
        pool = nn.AdaptiveAvgPool2d(1);

        RegisterComponents();
    }

    public NetworkOptions Options { get; }

    /// <summary>Size of the representation: 8 x width.</summary>
    public int RepresentationSize => Options.RepresentationSize;

    /// <summary>The last block of layer 4, the usual Grad-CAM target layer.</summary>
    /// <remarks>Not kept in a field: every module field is registered, so it would enter the state dictionary twice.</remarks>
    public BasicBlock FinalBlock => (BasicBlock)layer4.children().Last();

    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 4 || input.shape[1] != 1)
        {
            throw new ArgumentException(
                $"ResNet18 expects [batch, 1, height, width] input; it got [{string.Join(", ", input.shape)}].",
                nameof(input));
        }

        var features = stem.call(input);
        features = layer1.call(features);
        features = layer2.call(features);
        features = layer3.call(features);
        features = layer4.call(features);           // [batch, 8w, h', w']
        return pool.call(features).flatten(1);      // [batch, 8w]
    }

    private static Sequential BuildStem(Stem kind, int width) => kind switch
    {
        Stem.Cifar => nn.Sequential(
            ("conv", nn.Conv2d(1, width, kernel_size: 3, stride: 1, padding: 1, bias: false)),
            ("bn", new BatchNorm2d(width)),
            ("relu", nn.ReLU(inplace: true))),
        Stem.ImageNet => nn.Sequential(
            ("conv", nn.Conv2d(1, width, kernel_size: 7, stride: 2, padding: 3, bias: false)),
            ("bn", new BatchNorm2d(width)),
            ("relu", nn.ReLU(inplace: true)),
            ("pool", nn.MaxPool2d(kernel_size: 3, stride: 2, padding: 1))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown stem."),
    };

    private static Sequential BuildStage(int inChannels, int outChannels, int blocks, int stride)
    {
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("0", new BasicBlock(inChannels, outChannels, stride)),
        };
        for (var i = 1; i < blocks; i++)
        {
            modules.Add((i.ToString(System.Globalization.CultureInfo.InvariantCulture), new BasicBlock(outChannels, outChannels, stride: 1)));
        }

        return nn.Sequential(modules.ToArray());
    }
}
