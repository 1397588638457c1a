using FerOrleans.Learning.Network;
using FerOrleans.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Tests;

public sealed class BatchNorm2dTests
{
    public BatchNorm2dTests() => TorchSetup.UseOneThread();

    [Fact]
    public void StateDict_Keys_MatchTorchSharpBatchNorm2d()
    {
        using var ours = new BatchNorm2d(4);
        using var torchSharp = nn.BatchNorm2d(4);

        Assert.Equal(torchSharp.state_dict().Keys.Order(), ours.state_dict().Keys.Order());
    }

    [Fact]
    public void Load_TorchSharpState_SameOutputs()
    {
        using var scope = torch.NewDisposeScope();
        using var torchSharp = nn.BatchNorm2d(4);
        using var ours = new BatchNorm2d(4);
        var batches = Enumerable.Range(0, 3)
            .Select(i => torch.randn([5, 4, 3, 3], generator: new Generator((ulong)i)))
            .ToArray();                                                       // 3 x [5, 4, 3, 3]
        torchSharp.train();
        foreach (var batch in batches)
        {
            torchSharp.call(batch);
        }

        ModuleState.Load(ours, ModuleState.ToBytes(torchSharp));
        ours.train();
        torchSharp.train();
        var oursTraining = ours.call(batches[0]).data<float>().ToArray();
        var torchSharpTraining = torchSharp.call(batches[0]).data<float>().ToArray();
        ours.eval();
        torchSharp.eval();
        var oursEval = ours.call(batches[1]).data<float>().ToArray();
        var torchSharpEval = torchSharp.call(batches[1]).data<float>().ToArray();

        Assert.Equal(torchSharpTraining, oursTraining);
        Assert.Equal(torchSharpEval, oursEval);
        Assert.Equal(4L, ours.BatchesTracked.item<long>());
        Assert.Equal(torchSharp.running_mean!.data<float>().ToArray(), ModuleRunningMean(ours));
    }

    [Fact]
    public void Forward_WrongChannelCount_ThrowsNamingShape()
    {
        using var scope = torch.NewDisposeScope();
        using var norm = new BatchNorm2d(4);

        var error = Assert.Throws<ArgumentException>(() => norm.call(torch.zeros(2, 3, 5, 5)));

        Assert.Contains("[2, 3, 5, 5]", error.Message);
    }

    private static float[] ModuleRunningMean(BatchNorm2d norm) =>
        norm.state_dict()["running_mean"].data<float>().ToArray();
}
