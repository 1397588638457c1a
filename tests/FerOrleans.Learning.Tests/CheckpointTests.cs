using FerOrleans.Learning.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Tests;

public sealed class CheckpointTests
{
    public CheckpointTests() => TorchSetup.UseOneThread();

    /// <summary>Stops after checkpoint <paramref name="stopAfter"/>, resumes in a new runner and compares with an uninterrupted run.</summary>
    [Theory]
    [InlineData("SC(c)", 2)]          // inside the contrastive phase
    [InlineData("SC(c)", 3)]          // after the last contrastive epoch, before the probe
    [InlineData("SC(c)", 4)]          // inside the probe
    [InlineData("UC(c+a)", 1)]
    [InlineData("SC(c<-a)", 4)]
    [InlineData("SL(c)", 2)]
    [InlineData("SL(c+a)", 1)]
    public void Run_Resumed_MatchesUninterrupted(string approach, int stopAfter)
    {
        var config = TinyRuns.Config(approach, epochs: 3, probeEpochs: 2);
        var uninterruptedLog = new ProgressLog();
        var uninterrupted = TinyRuns.Runner(config, new InMemoryCheckpointStore(), uninterruptedLog).Run(CancellationToken.None);

        var store = new InMemoryCheckpointStore();
        using var cancellation = new CancellationTokenSource();
        var firstLog = new ProgressLog();
        var stopping = new StoppingCheckpointStore(store, stopAfter, cancellation);
        Assert.Throws<OperationCanceledException>(() => TinyRuns.Runner(config, stopping, firstLog).Run(cancellation.Token));
        Assert.Equal(stopAfter, store.LatestSequence);
        var secondLog = new ProgressLog();
        var resumed = TinyRuns.Runner(config, store, secondLog).Run(CancellationToken.None);

        var expectedLosses = uninterruptedLog.Steps.Select(s => s.Loss).ToArray();
        var resumedLosses = firstLog.Steps.Concat(secondLog.Steps).Select(s => s.Loss).ToArray();
        Assert.Equal(expectedLosses, resumedLosses);
        Assert.Equal(
            uninterruptedLog.Steps.Select(s => (s.Phase, s.Epoch, s.Step, s.GlobalStep)),
            firstLog.Steps.Concat(secondLog.Steps).Select(s => (s.Phase, s.Epoch, s.Step, s.GlobalStep)));
        Assert.Equal(uninterrupted.ValidationAccuracy, resumed.ValidationAccuracy);
        Assert.Equal(uninterrupted.TestAccuracy, resumed.TestAccuracy);
        Assert.Equal(uninterrupted.TestConfusion, resumed.TestConfusion);
        Assert.Equal(uninterrupted.BestEpoch, resumed.BestEpoch);
        Assert.Equal(uninterrupted.Steps, resumed.Steps);
        Assert.Equal(uninterrupted.Model, resumed.Model);
    }

    [Fact]
    public void Run_EveryEpoch_SavesOneCheckpoint()
    {
        var store = new InMemoryCheckpointStore();

        TinyRuns.Runner(TinyRuns.Config("SC(c)", epochs: 3, probeEpochs: 2), store).Run(CancellationToken.None);

        Assert.Equal(5, store.SaveCount);
        Assert.Equal(5, store.LatestSequence);
    }

    [Fact]
    public void Run_ResumedAtEnd_TrainsNoStep()
    {
        var config = TinyRuns.Config("SL(c)", epochs: 2, probeEpochs: 1);
        var store = new InMemoryCheckpointStore();
        var first = TinyRuns.Runner(config, store).Run(CancellationToken.None);
        var log = new ProgressLog();

        var second = TinyRuns.Runner(config, store, log).Run(CancellationToken.None);

        Assert.Empty(log.Reports);
        Assert.Equal(first.TestAccuracy, second.TestAccuracy);
        Assert.Equal(first.Model, second.Model);
    }

    [Fact]
    public void Checkpoint_FromBytes_RestoresEveryField()
    {
        var store = new InMemoryCheckpointStore();
        var config = TinyRuns.Config("SC(c)", epochs: 1, probeEpochs: 1);
        TinyRuns.Runner(config, store).Run(CancellationToken.None);

        var checkpoint = Checkpoint.FromBytes(store.LoadLatest()!, "test run");

        Assert.Equal(2, checkpoint.Sequence);
        Assert.Equal(TrainingPhase.Probe, checkpoint.Phase);
        Assert.Equal(1, checkpoint.CompletedEpochs);
        Assert.Equal(RunConfigJson.Serialize(config), checkpoint.RunConfigJson);
        Assert.Equal(1, checkpoint.BestEpoch);
        Assert.NotNull(checkpoint.BestValidationAccuracy);
        Assert.NotNull(checkpoint.BestWeights);
        Assert.NotNull(checkpoint.ProjectionHead);
        Assert.NotEmpty(checkpoint.TorchRngState);
        Assert.True(checkpoint.Elapsed > TimeSpan.Zero);
        Assert.Equal(store.LoadLatest(), checkpoint.ToBytes());
    }

    [Theory]
    [InlineData(100)]
    [InlineData(-1)]
    public void Run_CorruptedCheckpoint_ThrowsInvalidData(int position)
    {
        var config = TinyRuns.Config("SL(c)", epochs: 1, probeEpochs: 1);
        var store = new InMemoryCheckpointStore();
        TinyRuns.Runner(config, store).Run(CancellationToken.None);
        var bytes = store.LoadLatest()!;
        bytes[position < 0 ? bytes.Length + position : position] ^= 0x40;
        store.Save(bytes, 99);
        var runner = TinyRuns.Runner(config, store);

        var error = Assert.Throws<InvalidDataException>(() => runner.Run(CancellationToken.None));

        Assert.Contains(runner.RunName, error.Message);
        Assert.Contains("SHA-256", error.Message);
        Assert.Contains("sequence 1", error.Message);
    }

    [Fact]
    public void FromBytes_TruncatedCheckpoint_ThrowsInvalidData()
    {
        var store = new InMemoryCheckpointStore();
        TinyRuns.Runner(TinyRuns.Config("SL(c)", epochs: 1, probeEpochs: 1), store).Run(CancellationToken.None);
        var bytes = store.LoadLatest()!;

        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.FromBytes(bytes[..^10], "run x"));

        Assert.Contains("run x", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void FromBytes_NotACheckpoint_ThrowsInvalidData()
    {
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.FromBytes(new byte[200], "run x"));

        Assert.Contains("marker", error.Message);
    }

    [Fact]
    public void Run_CheckpointOfOtherConfig_ThrowsInvalidData()
    {
        var store = new InMemoryCheckpointStore();
        TinyRuns.Runner(TinyRuns.Config("SL(c)", epochs: 1, probeEpochs: 1, seed: 5), store).Run(CancellationToken.None);
        var runner = TinyRuns.Runner(TinyRuns.Config("SL(c)", epochs: 1, probeEpochs: 1, seed: 6), store);

        var error = Assert.Throws<InvalidDataException>(() => runner.Run(CancellationToken.None));

        Assert.Contains("another configuration", error.Message);
    }

    [Fact]
    public void SgdState_SavedAndLoaded_ContinuesBitIdentically()
    {
        using var scope = torch.NewDisposeScope();
        var inputs = torch.randn(8, 4);
        var targets = torch.tensor(new long[] { 0, 1, 2, 0, 1, 2, 0, 1 });
        using var original = nn.Linear(4, 3);
        using var copy = nn.Linear(4, 3);
        using var originalOptimizer = new MomentumSgd(original.parameters(), 0.1, momentum: 0.9, weightDecay: 1e-4);
        Step(original, originalOptimizer, inputs, targets);
        Step(original, originalOptimizer, inputs, targets);
        var saved = SgdState.ToBytes(originalOptimizer);
        ModuleState.Load(copy, ModuleState.ToBytes(original));
        using var copyOptimizer = new MomentumSgd(copy.parameters(), 0.1, momentum: 0.9, weightDecay: 1e-4);

        SgdState.Load(copyOptimizer, saved, torch.CPU);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(Step(original, originalOptimizer, inputs, targets), Step(copy, copyOptimizer, inputs, targets));
        }
    }

    [Fact]
    public void SgdState_OtherParameterCount_ThrowsInvalidData()
    {
        using var small = nn.Linear(4, 3, hasBias: false);
        using var large = nn.Linear(4, 3);
        using var smallOptimizer = new MomentumSgd(small.parameters(), 0.1, momentum: 0.9, weightDecay: 0);
        using var largeOptimizer = new MomentumSgd(large.parameters(), 0.1, momentum: 0.9, weightDecay: 0);

        Assert.Throws<InvalidDataException>(() => SgdState.Load(largeOptimizer, SgdState.ToBytes(smallOptimizer), torch.CPU));
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
