using FerOrleans.Learning.Augmentation;
using FerOrleans.Learning.Network;
using FerOrleans.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Tests;

public sealed class NetworkTests
{
    public NetworkTests() => TorchSetup.UseOneThread();

    [Theory]
    [InlineData(Stem.Cifar, 8)]
    [InlineData(Stem.ImageNet, 8)]
    [InlineData(Stem.ImageNet, 16)]
    public void ResNet18_Forward_ReturnsEightTimesWidth(Stem stem, int width)
    {
        using var scope = torch.NewDisposeScope();
        using var encoder = new ResNet18(new NetworkOptions(stem, width));

        var output = encoder.call(torch.randn(3, 1, 48, 48));

        Assert.Equal(new long[] { 3, 8 * width }, output.shape);
    }

    [Fact]
    public void ResNet18_ThreeChannelInput_Throws()
    {
        using var scope = torch.NewDisposeScope();
        using var encoder = new ResNet18(new NetworkOptions(Stem.ImageNet, 8));

        Assert.Throws<ArgumentException>(() => encoder.call(torch.randn(2, 3, 48, 48)));
    }

    [Fact]
    public void ResNet18_StateDict_IncludesBatchNormBuffers()
    {
        using var encoder = new ResNet18(new NetworkOptions(Stem.ImageNet, 8));

        var keys = encoder.state_dict().Keys.ToArray();

        Assert.Contains("stem.conv.weight", keys);
        Assert.Contains("stem.bn.running_mean", keys);
        Assert.Contains("layer1.0.conv1.weight", keys);
        Assert.Contains("layer4.1.bn2.running_var", keys);
        Assert.Contains("layer2.0.shortcut.1.num_batches_tracked", keys);
        Assert.DoesNotContain(keys, key => key.StartsWith("layer1.0.shortcut", StringComparison.Ordinal));

        // 20 convolutions (stem, 16 in blocks, 3 shortcuts), each followed by a batch norm with
        // weight, bias, running_mean, running_var and num_batches_tracked.
        Assert.Equal(20 + 20 * 5, keys.Length);
    }

    [Fact]
    public void ResNet18_FinalBlock_IsLastBlockOfLayer4()
    {
        using var encoder = new ResNet18(new NetworkOptions(Stem.ImageNet, 8));

        var block = encoder.FinalBlock;

        var expected = encoder.named_modules().Single(m => m.name == "layer4.1").module;
        Assert.Same(expected, block);
    }

    [Fact]
    public void ResNet18_Width64_HasResNet18ParameterCount()
    {
        using var encoder = new ResNet18(new NetworkOptions(Stem.Cifar, 64));

        var count = encoder.parameters().Sum(p => p.numel());

        // torchvision resnet18 without fc has 11,176,512 parameters; one input channel instead of
        // three removes 2 x 64 x 7 x 7 = 6,272 and the 3x3 stem another 64 x (49 - 9) = 2,560.
        Assert.Equal(11_176_512 - 6_272 - 2_560, count);
    }

    [Fact]
    public void ProjectionHead_Forward_ReturnsUnitNormRows()
    {
        using var scope = torch.NewDisposeScope();
        var options = new NetworkOptions(Stem.ImageNet, 8, ProjectionHidden: 32, EmbeddingSize: 16);
        using var head = new ProjectionHead(options);

        var output = head.call(torch.randn(5, options.RepresentationSize) * 10);

        Assert.Equal(new long[] { 5, 16 }, output.shape);
        var norms = output.norm(1).data<float>().ToArray();
        Assert.All(norms, norm => Assert.Equal(1f, norm, 1e-5f));
    }

    [Fact]
    public void EmotionClassifier_Forward_ReturnsLogitPerClass()
    {
        using var scope = torch.NewDisposeScope();
        using var classifier = new EmotionClassifier(new ResNet18(new NetworkOptions(Stem.ImageNet, 8)), 7);

        var output = classifier.call(torch.randn(4, 1, 48, 48));

        Assert.Equal(new long[] { 4, 7 }, output.shape);
        Assert.Contains("encoder.stem.conv.weight", classifier.state_dict().Keys);
        Assert.Contains("output.weight", classifier.state_dict().Keys);
    }

    [Fact]
    public void WeightInitializer_SameStream_SameWeights()
    {
        using var first = new ResNet18(new NetworkOptions(Stem.ImageNet, 8));
        using var second = new ResNet18(new NetworkOptions(Stem.ImageNet, 8));

        WeightInitializer.Initialize(first, RandomStream.Derive(1, 2));
        WeightInitializer.Initialize(second, RandomStream.Derive(1, 2));

        foreach (var (name, parameter) in first.named_parameters())
        {
            Assert.True(parameter.eq(second.get_parameter(name)!).all().item<bool>(), name);
        }
    }

    [Fact]
    public void WeightInitializer_BareLinear_IsInitialisedFromStream()
    {
        using var first = nn.Linear(16, 7);
        using var second = nn.Linear(16, 7);

        WeightInitializer.Initialize(first, new RandomStream(8));
        WeightInitializer.Initialize(second, new RandomStream(8));

        Assert.True(first.weight!.eq(second.weight!).all().item<bool>());
        Assert.True(first.bias!.eq(second.bias!).all().item<bool>());
        Assert.InRange(first.weight!.abs().max().item<float>(), 0f, 0.25f);
    }

    [Fact]
    public void WeightInitializer_Convolutions_HaveKaimingFanOutScale()
    {
        using var encoder = new ResNet18(new NetworkOptions(Stem.Cifar, 64));

        WeightInitializer.Initialize(encoder, new RandomStream(3));

        // layer4 conv: fan_out = 512 x 3 x 3, so std = sqrt(2 / 4608) ~ 0.0208.
        var weight = encoder.get_parameter("layer4.1.conv2.weight")!;
        Assert.Equal(Math.Sqrt(2.0 / 4608), weight.std().item<float>(), 1e-3);
    }
}
