using TorchSharp;

namespace FerOrleans.Learning.Tests;

public sealed class TorchLoadsTests
{
    [Fact]
    public void Torch_AddsTensors_OnThisMachine()
    {
        using var sum = torch.ones(3) + torch.ones(3);

        Assert.Equal(6.0f, sum.sum().item<float>());
    }
}
