using System.ComponentModel;
using FerOrleans.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Silo;

public sealed class SiloSettings : StoreSettings
{
    [CommandOption("--gateway-port <PORT>")]
    [Description("Port clients connect to with --connect. Default: 30000")]
    public int GatewayPort { get; init; } = 30000;

    [CommandOption("--silo-port <PORT>")]
    [Description("Silo-to-silo port. Default: 11111")]
    public int SiloPort { get; init; } = 11111;

    [CommandOption("--cpu-slots <N>")]
    [Description("Runs trained at once on the CPU; 0 for a silo that never trains. Default: 1")]
    public int CpuSlots { get; init; } = 1;
}
