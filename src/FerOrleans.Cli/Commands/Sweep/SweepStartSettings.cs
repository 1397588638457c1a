using System.ComponentModel;
using FerOrleans.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Sweep;

public sealed class SweepStartSettings : StoreSettings
{
    [CommandArgument(0, "<SPEC>")]
    [Description("The sweep spec, a YAML file.")]
    public string Spec { get; init; } = "";

    [CommandOption("--report <DIR>")]
    [Description("When the sweep finishes in this process, write its report here. Default: <store>/reports/<name>")]
    public string? Report { get; init; }
}
