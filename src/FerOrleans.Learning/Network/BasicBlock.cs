using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Network;

/// <summary>
/// The residual block of ResNet-18 and ResNet-34: two 3x3 convolutions with batch normalisation,
/// plus a 1x1 convolution on the shortcut where the stride or the channel count changes.
/// </summary>
public sealed class BasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly nn.Module<Tensor, Tensor>? shortcut;

    public BasicBlock(long inChannels, long outChannels, long stride) : base(nameof(BasicBlock))
    {
        conv1 = nn.Conv2d(inChannels, outChannels, kernel_size: 3, stride: stride, padding: 1, bias: false);
        bn1 = new BatchNorm2d(outChannels);
        conv2 = nn.Conv2d(outChannels, outChannels, kernel_size: 3, stride: 1, padding: 1, bias: false);
        bn2 = new BatchNorm2d(outChannels);
        if (stride != 1 || inChannels != outChannels)
        {
            shortcut = nn.Sequential(
                ("0", nn.Conv2d(inChannels, outChannels, kernel_size: 1, stride: stride, bias: false)),
                ("1", new BatchNorm2d(outChannels)));
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var residual = shortcut is null ? input : shortcut.call(input);
        // In place where autograd allows it: batch norm's backward reads its input, not its output, and
        // ReLU's backward reads its own output, so no tensor needed for the gradient is overwritten.
        var hidden = bn1.call(conv1.call(input)).relu_();
        // Tensor + Tensor would pass an implicit alpha Scalar that the GC may free during the call.
        using var unitAlpha = 1.0.ToScalar();
        return bn2.call(conv2.call(hidden)).add_(residual, unitAlpha).relu_();
    }
}
