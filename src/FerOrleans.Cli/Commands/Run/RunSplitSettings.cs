using System.ComponentModel;
using FerOrleans.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Run;

/// <summary>Settings of <c>fer run split RUN</c>.</summary>
public sealed class RunSplitSettings : StoreSettings
{
    [CommandArgument(0, "<RUN>")]
    [Description("Run id as `fer sweep status` lists it, for example paper/sc-c-from-a-s50-r1-k0.")]
    public string Run { get; init; } = "";

    [CommandOption("--json")]
    [Description("Print the split as one JSON object (train, validation, test, subjectDisjoint).")]
    public bool Json { get; init; }
}
