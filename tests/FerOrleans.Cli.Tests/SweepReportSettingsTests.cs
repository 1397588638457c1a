using FerOrleans.Cli.Commands.Sweep;
using FerOrleans.Reporting;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Tests;

public sealed class SweepReportSettingsTests
{
    [Fact]
    public async Task Parse_TwoComparePairs_PairsInOrder()
    {
        SweepReportSettings settings = await ParseAsync(
            "sweep", "report", "london", "--compare", "SC(c<-a)", "SC(c)", "--compare", "SC(c<-a)", "SL(c)",
            "--holm", "--alternative", "greater");

        ReportOptions options = settings.ReportOptions();

        Assert.Equal("london", settings.Name);
        Assert.Equal([new ApproachPair("SC(c<-a)", "SC(c)"), new ApproachPair("SC(c<-a)", "SL(c)")], options.Pairs);
        Assert.True(options.Holm);
        Assert.Equal(Alternative.Greater, options.PairAlternative);
    }

    [Fact]
    public async Task Parse_NoOptions_GivesDefaults()
    {
        SweepReportSettings settings = await ParseAsync("sweep", "report", "london");

        ReportOptions options = settings.ReportOptions();

        Assert.Empty(options.Pairs);
        Assert.False(options.Holm);
        Assert.Equal(Alternative.TwoSided, options.PairAlternative);
    }

    [Fact]
    public void Validate_CompareWithoutSecond_ReturnsError()
    {
        SweepReportSettings settings = new() { Name = "london", Compare = ["SC(c<-a)"] };

        Spectre.Console.ValidationResult result = settings.Validate();

        Assert.False(result.Successful);
        Assert.Contains("two approaches per comparison", result.Message);
    }

    [Fact]
    public void Validate_UnknownAlternative_ReturnsErrorNamingIt()
    {
        SweepReportSettings settings = new() { Name = "london", Alternative = "bigger" };

        Spectre.Console.ValidationResult result = settings.Validate();

        Assert.False(result.Successful);
        Assert.Contains("'bigger'", result.Message);
    }

    private static async Task<SweepReportSettings> ParseAsync(params string[] arguments)
    {
        CommandApp app = new();
        app.Configure(config =>
        {
            config.PropagateExceptions();
            config.AddBranch("sweep", sweep => sweep.AddCommand<CaptureCommand>("report"));
        });

        Assert.Equal(0, await app.RunAsync(arguments));
        return CaptureCommand.Last ?? throw new InvalidOperationException("The command did not run.");
    }

    // Runs nothing: it keeps the parsed settings so the test can read them.
    private sealed class CaptureCommand : AsyncCommand<SweepReportSettings>
    {
        public static SweepReportSettings? Last { get; private set; }

        public override Task<int> ExecuteAsync(
            CommandContext context, SweepReportSettings settings, CancellationToken cancellationToken)
        {
            Last = settings;
            return Task.FromResult(0);
        }
    }
}
