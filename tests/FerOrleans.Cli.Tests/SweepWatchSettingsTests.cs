using FerOrleans.Cli.Commands.Sweep;

namespace FerOrleans.Cli.Tests;

public sealed class SweepWatchSettingsTests
{
    [Fact]
    public void Validate_MetricsWithoutPort_UsesSweepDefaultPort()
    {
        var settings = new SweepWatchSettings { Name = "s", Metrics = true };

        Assert.True(settings.Validate().Successful);
        Assert.Equal(9465, settings.SweepMetricsPort);
        Assert.Equal(9464, settings.SiloMetricsPort);
    }

    [Fact]
    public void Validate_PortWithoutMetrics_NamesBothOptions()
    {
        var result = new SweepWatchSettings { Name = "s", MetricsPort = 9500 }.Validate();

        Assert.False(result.Successful);
        Assert.Contains("--metrics-port", result.Message);
        Assert.Contains("add --metrics", result.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Validate_PortOutOfRange_NamesValueAndRange(int port)
    {
        var result = new SweepWatchSettings { Name = "s", Metrics = true, MetricsPort = port }.Validate();

        Assert.False(result.Successful);
        Assert.Contains($"--metrics-port {port}", result.Message);
        Assert.Contains("0 to 65535", result.Message);
    }
}
