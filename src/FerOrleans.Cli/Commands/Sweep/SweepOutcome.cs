using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;

namespace FerOrleans.Cli.Commands.Sweep;

/// <summary>Exit codes: 0 when every run completed, 1 when any failed.</summary>
public static class SweepOutcome
{
    public static int ExitCode(SweepStatus status) => status.Count(RunState.Failed) == 0 ? 0 : 1;
}
