using System.ComponentModel;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Sweep;

/// <summary>Settings of <c>fer sweep cancel</c>.</summary>
public sealed class SweepCancelSettings : SweepNameSettings
{
    [CommandOption("--reason <TEXT>")]
    [Description("Why the sweep is cancelled; recorded on each stopped run. Default: cancelled by fer sweep cancel")]
    public string Reason { get; init; } = "cancelled by fer sweep cancel";
}
