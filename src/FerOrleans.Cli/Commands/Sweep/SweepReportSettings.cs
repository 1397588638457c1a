using System.ComponentModel;
using FerOrleans.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Sweep;

/// <summary>Settings of <c>fer sweep report NAME</c>.</summary>
public sealed class SweepReportSettings : SweepNameSettings
{
    [CommandOption("--out <DIR>")]
    [Description("Folder for report.md, report.html, the PNG figures, results.json and runs.csv. "
        + "Default: <store>/reports/<name>")]
    public string? Out { get; init; }

    [CommandOption("--compare <FIRST>")]
    [Description("Compare two approaches at every split and ratio with a Mann-Whitney U test: "
        + "--compare \"SC(c<-a)\" \"SC(c)\". Repeat for more pairs.")]
    public string[] Compare { get; init; } = [];

    [CommandArgument(1, "[SECOND]")]
    [Description("The second approach of each --compare, in the order of the --compare options.")]
    public string[] Second { get; init; } = [];

    [CommandOption("--holm")]
    [Description("Holm-adjust the p-values, over the best vs runner-up tests and over the --compare tests.")]
    public bool Holm { get; init; }

    [CommandOption("--alternative <ALTERNATIVE>")]
    [Description("Alternative hypothesis of the --compare tests, for the first approach: two-sided, greater or "
        + "less. Default: two-sided")]
    public string Alternative { get; init; } = "two-sided";

    /// <summary>Returns the report options, pairing each --compare value with the next positional value.</summary>
    public ReportOptions ReportOptions() => new(
        [.. Compare.Zip(Second, (first, second) => new ApproachPair(first, second))],
        Holm,
        ParseAlternative(Alternative)!.Value);

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Compare.Length != Second.Length)
        {
            return ValidationResult.Error($"Got {Compare.Length} --compare options but {Second.Length} second "
                + "approaches; give two approaches per comparison: --compare \"SC(c<-a)\" \"SC(c)\".");
        }

        if (ParseAlternative(Alternative) is null)
        {
            return ValidationResult.Error(
                $"--alternative '{Alternative}' is invalid; use two-sided, greater or less.");
        }

        return base.Validate();
    }

    private static Alternative? ParseAlternative(string text) => text.ToLowerInvariant() switch
    {
        "two-sided" => Reporting.Alternative.TwoSided,
        "greater" => Reporting.Alternative.Greater,
        "less" => Reporting.Alternative.Less,
        _ => null,
    };
}
