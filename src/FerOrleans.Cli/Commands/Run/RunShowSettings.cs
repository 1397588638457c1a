using System.ComponentModel;
using FerOrleans.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Run;

/// <summary>Settings of <c>fer run show</c>.</summary>
public sealed class RunShowSettings : StoreSettings
{
    [CommandArgument(0, "<RUN>")]
    [Description("Run id as `fer sweep status` lists it: {sweep}/{approach}-s{split}-r{ratio}-k{repetition}.")]
    public string RunId { get; init; } = "";
}
