using FerOrleans.Cli.Infrastructure;
using FerOrleans.Contracts.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Sweep;

/// <summary>
/// <c>fer sweep start SPEC</c>: validates and starts a sweep. On an embedded silo the command trains the
/// runs itself and stays until they finish; against a running silo it returns once they are dispatched.
/// </summary>
public sealed class SweepStartCommand : AsyncCommand<SweepStartSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SweepStartSettings settings, CancellationToken cancellationToken)
    {
        var spec = SweepSpecFile.Read(settings.Spec);
        await using var session = await ClusterSession.OpenAsync(settings, trains: true, cancellationToken);
        return await SweepRunner.StartAndFollowAsync(session, spec, settings, settings.Report, cancellationToken);
    }
}
