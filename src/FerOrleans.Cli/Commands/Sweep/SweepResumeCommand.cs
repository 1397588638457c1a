using FerOrleans.Cli.Infrastructure;
using FerOrleans.Contracts.Sweeps;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Sweep;

/// <summary><c>fer sweep resume NAME</c>: continues interrupted and failed runs from their last checkpoints.</summary>
public sealed class SweepResumeCommand : AsyncCommand<SweepNameSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SweepNameSettings settings, CancellationToken cancellationToken)
    {
        await using var session = await ClusterSession.OpenAsync(settings, trains: true, cancellationToken);
        var sweep = session.Grains.GetGrain<ISweepGrain>(settings.Name);
        var status = await sweep.ResumeAsync();
        return await SweepRunner.StartAndFollowAsync(session, status.Spec, settings, null, cancellationToken);
    }
}
