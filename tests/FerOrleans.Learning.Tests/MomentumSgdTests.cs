using FerOrleans.Learning.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Tests;

public sealed class MomentumSgdTests
{
    public MomentumSgdTests() => TorchSetup.UseOneThread();

    [Fact]
    public void Step_TwoSteps_MatchesHandComputedUpdate()
    {
        using var scope = torch.NewDisposeScope();
        var parameter = new Parameter(torch.tensor(new[] { 1f, -2f }));
        var coefficients = torch.tensor(new[] { 0.5f, 3f });
        using var optimizer = new MomentumSgd([parameter], learningRate: 0.1, momentum: 0.9, weightDecay: 0.01);

        for (var step = 0; step < 2; step++)
        {
            optimizer.ZeroGrad();
            parameter.mul(coefficients).sum().backward();     // grad = coefficients
            optimizer.Step();
        }

        // d1 = c + 0.01 p0, buf1 = d1, p1 = p0 - 0.1 buf1; d2 = c + 0.01 p1, buf2 = 0.9 buf1 + d2, p2 = p1 - 0.1 buf2.
        double[] expected = [Reference(1, 0.5), Reference(-2, 3)];
        var actual = parameter.data<float>().ToArray();
        Assert.Equal(expected[0], actual[0], 1e-6);
        Assert.Equal(expected[1], actual[1], 1e-6);
    }

    [Fact]
    public void Step_AfterTorchSharpState_MatchesTorchSharpSgd()
    {
        using var scope = torch.NewDisposeScope();
        var inputs = torch.randn(8, 4, generator: new Generator(7));
        var targets = torch.tensor(new long[] { 0, 1, 2, 0, 1, 2, 0, 1 });
        using var reference = nn.Linear(4, 3);
        using var copy = nn.Linear(4, 3);
        using var torchSgd = torch.optim.SGD(reference.parameters(), 0.1, momentum: 0.9, weight_decay: 1e-4);
        TorchSharpStep(reference, torchSgd, inputs, targets);
        TorchSharpStep(reference, torchSgd, inputs, targets);
        var saved = TorchSharpSgdBytes(torchSgd);
        ModuleState.Load(copy, ModuleState.ToBytes(reference));
        using var optimizer = new MomentumSgd(copy.parameters(), 0.1, momentum: 0.9, weightDecay: 1e-4);

        SgdState.Load(optimizer, saved, torch.CPU);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TorchSharpStep(reference, torchSgd, inputs, targets), Step(copy, optimizer, inputs, targets));
        }

        Assert.Equal(reference.weight!.data<float>().ToArray(), copy.weight!.data<float>().ToArray());
    }

    [Fact]
    public void SetMomentumBuffer_WrongShape_ThrowsNamingShapes()
    {
        using var model = nn.Linear(4, 3);
        using var optimizer = new MomentumSgd(model.parameters(), 0.1, momentum: 0.9, weightDecay: 0);
        using var buffer = torch.zeros(2, 2);

        var error = Assert.Throws<ArgumentException>(() => optimizer.SetMomentumBuffer(0, buffer));

        Assert.Contains("[2, 2]", error.Message);
        Assert.Contains("[3, 4]", error.Message);
    }

    /// <summary>Two steps of the documented update on one element with gradient <paramref name="grad"/>.</summary>
    private static double Reference(double p0, double grad)
    {
        var buffer1 = grad + 0.01 * p0;
        var p1 = p0 - 0.1 * buffer1;
        var buffer2 = 0.9 * buffer1 + grad + 0.01 * p1;
        return p1 - 0.1 * buffer2;
    }

    /// <summary>The momentum buffers of TorchSharp's SGD in the <see cref="SgdState"/> format, as the code before MomentumSgd wrote them.</summary>
    private static byte[] TorchSharpSgdBytes(SGD optimizer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            var states = optimizer.state_dict().State;
            writer.Write(1);
            writer.Write(states.Count);
            foreach (var state in states.Cast<SGD.State>())
            {
                writer.Write(state.momentum_buffer is not null);
                state.momentum_buffer?.Save(writer);
            }
        }

        return stream.ToArray();
    }

    private static float TorchSharpStep(Linear model, SGD optimizer, Tensor inputs, Tensor targets)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(inputs), targets);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    private static float Step(Linear model, MomentumSgd optimizer, Tensor inputs, Tensor targets)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.ZeroGrad();
        var loss = nn.functional.cross_entropy(model.call(inputs), targets);
        loss.backward();
        optimizer.Step();
        return loss.item<float>();
    }
}
