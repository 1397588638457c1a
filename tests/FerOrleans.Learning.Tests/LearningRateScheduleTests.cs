using FerOrleans.Learning.Training;

namespace FerOrleans.Learning.Tests;

public sealed class LearningRateScheduleTests
{
    private static readonly TrainingOptions Cosine = new(Schedule: ScheduleKind.Cosine);

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(5, 0.05005)]
    [InlineData(9, 0.002544727011057081)]
    public void Cosine_Epoch_MatchesFormula(int epoch, double expected)
    {
        // Reference values: 1e-4 + (0.1 - 1e-4) (1 + cos(pi e / 10)) / 2, computed in Python.
        Assert.Equal(expected, LearningRateSchedule.At(Cosine, 0.1, 10, 0, epoch), 1e-15);
    }

    [Fact]
    public void Cosine_Epochs_DecreaseToFloor()
    {
        var rates = Enumerable.Range(0, 250).Select(e => LearningRateSchedule.At(Cosine, 0.05, 250, 0, e)).ToArray();

        Assert.All(rates.Zip(rates.Skip(1)), pair => Assert.True(pair.Second < pair.First));
        Assert.InRange(rates[^1], 0.05 * 0.001, 0.05 * 0.0011);
    }

    [Theory]
    [InlineData(0, 0.0125)]
    [InlineData(1, 0.025)]
    [InlineData(2, 0.0375)]
    [InlineData(3, 0.05)]
    [InlineData(13, 0.05)]
    [InlineData(14, 0.005)]
    [InlineData(16, 0.0005)]
    public void Step_WithWarmup_RampsLinearlyThenDecays(int epoch, double expected)
    {
        // 20 epochs: decay fractions 0.3, 0.2, 0.1 put the decays at epochs 14, 16 and 18.
        var training = new TrainingOptions(WarmupEpochs: 3);

        var decayEpochs = training.DecayEpochs(20);
        var rate = LearningRateSchedule.At(training, 0.05, 20, 3, epoch);

        Assert.Equal([14, 16, 18], decayEpochs);
        Assert.Equal(expected, rate, 1e-15);
    }

    [Fact]
    public void Step_DecayRate_ScalesEachDecay()
    {
        var training = new TrainingOptions(DecayFractions: [0.5], DecayRate: 0.5);

        Assert.Equal(0.08, LearningRateSchedule.At(training, 0.08, 10, 0, 4), 1e-15);
        Assert.Equal(0.04, LearningRateSchedule.At(training, 0.08, 10, 0, 5), 1e-15);
    }

    [Fact]
    public void At_WarmupAsLongAsPhase_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => LearningRateSchedule.At(new TrainingOptions(), 0.05, 4, 4, 0));

        Assert.Contains("shorter than the phase of 4 epochs", error.Message);
    }
}
