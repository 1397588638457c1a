using FerOrleans.Learning.Data;
using FerOrleans.Learning.Evaluation;
using FerOrleans.Learning.Training;
using TorchSharp;

namespace FerOrleans.Learning.Tests;

public sealed class TrainingRunnerTests
{
    // Chance is 1/7 ~ 0.14 on the seven synthetic classes. The runs below reached 0.9-1.0 on a
    // 2-core development machine, so 0.6 leaves room for other CPUs but fails a broken pipeline.
    private const double AboveChance = 0.6;

    public TrainingRunnerTests() => TorchSetup.UseOneThread();

    [Fact]
    public void Run_TinySupCon_BeatsChance()
    {
        var config = TinyRuns.Config("SC(c)", epochs: 20, probeEpochs: 10, ratio: 3);

        var outcome = TinyRuns.Runner(config, new InMemoryCheckpointStore()).Run(CancellationToken.None);

        Assert.True(outcome.TestAccuracy >= AboveChance, $"test accuracy {outcome.TestAccuracy:F3}");
        Assert.True(outcome.ValidationAccuracy >= AboveChance, $"validation accuracy {outcome.ValidationAccuracy:F3}");
    }

    [Fact]
    public void Run_TinySupervised_BeatsChance()
    {
        var config = TinyRuns.Config("SL(c)", epochs: 8, probeEpochs: 1, ratio: 2);

        var outcome = TinyRuns.Runner(config, new InMemoryCheckpointStore()).Run(CancellationToken.None);

        Assert.True(outcome.TestAccuracy >= AboveChance, $"test accuracy {outcome.TestAccuracy:F3}");
    }

    [Fact]
    public void Run_Outcome_DescribesTestSetAndModel()
    {
        var config = TinyRuns.Config("SC(c<-a)", epochs: 2, probeEpochs: 2);

        var outcome = TinyRuns.Runner(config, new InMemoryCheckpointStore()).Run(CancellationToken.None);

        Assert.Equal(Enum.GetValues<Emotion>().Order(), outcome.ClassLabels);
        Assert.Equal(TinyRuns.Split.Test.Length, outcome.TestConfusion.Sum(row => row.Sum()));
        Assert.All(outcome.TestConfusion, row => Assert.Equal(3, row.Sum()));
        var correct = Enumerable.Range(0, 7).Sum(i => outcome.TestConfusion[i][i]);
        Assert.Equal((double)correct / TinyRuns.Split.Test.Length, outcome.TestAccuracy);
        Assert.Equal(7, outcome.PerClassTestAccuracy.Length);
        Assert.All(outcome.PerClassTestAccuracy, a => Assert.InRange(a!.Value, 0, 1));
        Assert.InRange(outcome.BestEpoch, 1, 2);
        Assert.Equal(2 * 3 + 2 * 2, outcome.Steps);
        Assert.Equal("cpu", outcome.Device);
        Assert.True(outcome.Duration > TimeSpan.Zero);

        using var model = TrainedModel.Load(outcome.Model);
        var probabilities = model.PredictProbabilities(TinyRuns.Children.Subset(TinyRuns.Split.Test));
        var predicted = probabilities.Select(p => Array.IndexOf(p, p.Max())).ToArray();
        var modelCorrect = predicted.Where((p, i) => model.ClassLabels[p] == TinyRuns.Children.Labels[TinyRuns.Split.Test[i]]).Count();
        Assert.Equal(correct, modelCorrect);
    }

    [Fact]
    public void Run_Progress_ReportsEveryStepAndEpoch()
    {
        var log = new ProgressLog();
        var runner = TinyRuns.Runner(TinyRuns.Config("SC(c+a)", epochs: 4, probeEpochs: 2, ratio: 2), new InMemoryCheckpointStore(), log);

        runner.Run(CancellationToken.None);

        var contrastiveSteps = runner.StepsPerEpoch[0].StepsPerEpoch;
        var probeSteps = runner.StepsPerEpoch[1].StepsPerEpoch;
        // (c+a): 8 images of A per step, ceil(2 x 42 / 8) = 11; probe: ceil(2 x 42 / 32) = 3.
        Assert.Equal(11, contrastiveSteps);
        Assert.Equal(3, probeSteps);
        Assert.Equal(4 * contrastiveSteps + 2 * probeSteps, log.Steps.Count());
        Assert.Equal(Enumerable.Range(1, 4 * contrastiveSteps + 2 * probeSteps).Select(i => (long)i), log.Steps.Select(s => s.GlobalStep));
        var epochs = log.Epochs.ToArray();
        Assert.Equal(6, epochs.Length);
        Assert.All(epochs.Take(4), e => Assert.Null(e.ValidationAccuracy));
        Assert.All(epochs.Skip(4), e => Assert.NotNull(e.ValidationAccuracy));
        Assert.All(log.Steps, s => Assert.True(double.IsFinite(s.Loss) && s.ImagesPerSecond > 0));
        // Decay epochs of a 4-epoch phase: 4 - round(1.2) = 3, 4 - round(0.8) = 3, 4 - round(0.4) = 4.
        Assert.Equal(new[] { 0.05, 0.05, 0.05, 0.05 * 0.01 }, epochs.Take(4).Select(e => Math.Round(e.LearningRate, 12)));
    }

    [Fact]
    public void Run_CancelledBeforeStart_ThrowsAndSavesNothing()
    {
        var store = new InMemoryCheckpointStore();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            TinyRuns.Runner(TinyRuns.Config("SL(c)", 2, 1), store).Run(cancellation.Token));

        Assert.Equal(0, store.SaveCount);
    }

    [Fact]
    public void Constructor_UnsupervisedWithAdultPairs_Throws()
    {
        var config = TinyRuns.Config("SC(c<-a)", 1, 1) with { Approach = new Approach(ApproachKind.UC, DataVariant.ChildrenAugmentedByAdults) };

        var error = Assert.Throws<ArgumentException>(() => TinyRuns.Runner(config, new InMemoryCheckpointStore()));

        Assert.Contains("only for SC", error.Message);
    }

    [Fact]
    public void Constructor_SupplementApproachWithoutB_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new TrainingRunner(
            TinyRuns.Config("SC(c+a)", 1, 1), TinyRuns.Children, null, TinyRuns.Split, torch.CPU, new InMemoryCheckpointStore()));

        Assert.Contains("no data set B", error.Message);
    }

    [Fact]
    public void Constructor_OverlappingSplit_Throws()
    {
        var split = TinyRuns.Split with { Test = [.. TinyRuns.Split.Test, TinyRuns.Split.Train[0]] };

        var error = Assert.Throws<ArgumentException>(() => new TrainingRunner(
            TinyRuns.Config("SL(c)", 1, 1), TinyRuns.Children, null, split, torch.CPU, new InMemoryCheckpointStore()));

        Assert.Contains("disjoint", error.Message);
    }

    [Fact]
    public void Constructor_AdultsLackingLabel_ThrowsNamingLabel()
    {
        var adults = StripePatterns.Create("adults-no-sad", 5, 9, Enum.GetValues<Emotion>().Where(e => e != Emotion.Sad).ToArray());

        var error = Assert.Throws<ArgumentException>(() => new TrainingRunner(
            TinyRuns.Config("SC(c<-a)", 1, 1), TinyRuns.Children, adults, TinyRuns.Split, torch.CPU, new InMemoryCheckpointStore()));

        Assert.Contains(nameof(Emotion.Sad), error.Message);
    }

    [Fact]
    public void Constructor_OddContrastiveBatch_Throws()
    {
        var config = TinyRuns.Config("SC(c)", 1, 1);
        config = config with { Training = config.Training with { BatchSize = 31 } };

        var error = Assert.Throws<ArgumentException>(() => TinyRuns.Runner(config, new InMemoryCheckpointStore()));

        Assert.Contains("BatchSize", error.Message);
    }

    [Fact]
    public void Run_ProbeWithoutAugmentation_Trains()
    {
        var config = TinyRuns.Config("UC(c)", 2, 2);
        config = config with { Training = config.Training with { ProbeAugmentation = false } };

        var outcome = TinyRuns.Runner(config, new InMemoryCheckpointStore()).Run(CancellationToken.None);

        Assert.InRange(outcome.TestAccuracy, 0, 1);
    }

    [Fact]
    public void Select_WithoutCuda_ReturnsCpuAndLogsChoice()
    {
        var messages = new List<string>();

        var device = TorchDevice.Select(messages.Add);

        Assert.Single(messages);
        if (!torch.cuda.is_available())
        {
            Assert.Equal(DeviceType.CPU, device.type);
            Assert.Contains("cpu", messages[0]);
        }
    }
}
