using System.ComponentModel;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Sweep;

public sealed class SweepReportSettings : SweepNameSettings
{
    [CommandOption("--out <DIR>")]
    [Description("Folder for report.md and results.json. Default: <store>/reports/<name>")]
    public string? Out { get; init; }
}
