using FerOrleans.Learning.Training;
using TorchSharp;

namespace FerOrleans.Learning.Tests;

public sealed class MixedPrecisionTests
{
    public MixedPrecisionTests() => TorchSetup.UseOneThread();

    [Theory]
    [InlineData("none", MixedPrecision.None)]
    [InlineData("bf16", MixedPrecision.BFloat16)]
    [InlineData("fp16", MixedPrecision.Float16)]
    public void Parse_KnownName_ReturnsMode(string name, MixedPrecision expected) =>
        Assert.Equal(expected, MixedPrecisionModes.Parse(name));

    [Fact]
    public void Parse_UnknownName_ThrowsListingNames()
    {
        var error = Assert.Throws<FormatException>(() => MixedPrecisionModes.Parse("fp8"));

        Assert.Contains("'fp8'", error.Message);
        Assert.Contains("none, bf16 or fp16", error.Message);
    }

    [Fact]
    public void Constructor_Float16OnCpu_ThrowsNamingCuda()
    {
        var config = WithMode(TinyRuns.Config("SC(c)", 1, 1), MixedPrecision.Float16);

        var error = Assert.Throws<InvalidOperationException>(() => TinyRuns.Runner(config, new InMemoryCheckpointStore()));

        Assert.Contains("CUDA", error.Message);
    }

    [Fact]
    public void RunConfigJson_ModeNone_IsLeftOut()
    {
        var plain = TinyRuns.Config("SC(c)", 1, 1);

        Assert.DoesNotContain("MixedPrecision", RunConfigJson.Serialize(plain));
        Assert.Contains("\"MixedPrecision\":\"BFloat16\"", RunConfigJson.Serialize(WithMode(plain, MixedPrecision.BFloat16)));
    }

    [Fact]
    public void Run_BFloat16OnCpu_StaysCloseToFloat32()
    {
        var config = TinyRuns.Config("SC(c)", epochs: 2, probeEpochs: 2);
        var bf16 = WithMode(config, MixedPrecision.BFloat16);
        if (!MixedPrecisionModes.CpuHasBFloat16())
        {
            var error = Assert.Throws<InvalidOperationException>(() => TinyRuns.Runner(bf16, new InMemoryCheckpointStore()));
            Assert.Contains("avx512_bf16", error.Message);
            return;
        }

        var full = new ProgressLog();
        var reduced = new ProgressLog();
        TinyRuns.Runner(config, new InMemoryCheckpointStore(), full).Run(CancellationToken.None);
        var outcome = TinyRuns.Runner(bf16, new InMemoryCheckpointStore(), reduced).Run(CancellationToken.None);

        // Same weights and batch: the first loss differs only by bfloat16 rounding (8 bits of mantissa).
        var first = full.Steps.First().Loss;
        var firstReduced = reduced.Steps.First().Loss;
        Assert.InRange(firstReduced, first * 0.97, first * 1.03);
        Assert.All(reduced.Steps, s => Assert.True(double.IsFinite(s.Loss), $"loss {s.Loss} at step {s.GlobalStep}"));
        Assert.NotEqual(full.Steps.Select(s => s.Loss), reduced.Steps.Select(s => s.Loss));
        Assert.InRange(outcome.TestAccuracy, 0, 1);
    }

    private static RunConfig WithMode(RunConfig config, MixedPrecision mode) =>
        config with { Training = config.Training with { MixedPrecision = mode } };
}
