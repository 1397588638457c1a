using System.ComponentModel;
using FerOrleans.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Sweep;

/// <summary>Settings of the commands that act on one sweep by name.</summary>
public class SweepNameSettings : StoreSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("Name of the sweep (the name field of its spec).")]
    public string Name { get; init; } = "";
}
