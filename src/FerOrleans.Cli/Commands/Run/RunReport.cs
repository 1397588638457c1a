using System.Globalization;
using FerOrleans.Contracts.Runs;

namespace FerOrleans.Cli.Commands.Run;

/// <summary>The plain-text lines that <c>fer run show</c> prints.</summary>
public static class RunReport
{
    public static IReadOnlyList<string> Lines(RunStatus status, IReadOnlyList<CheckpointInfo> checkpoints)
    {
        var d = status.Definition;
        var spec = d.Spec;
        var lines = new List<string>
        {
            $"run        {d.RunId}",
            $"sweep      {d.SweepName}",
            Invariant($"definition {d.Approach}, train fraction {d.TrainFraction:0.###}, ratio {d.AugmentationRatio}, ")
                + Invariant($"repetition {d.Repetition}, seed {d.Seed}"),
            Invariant($"network    {spec.Network.Stem} stem, width {spec.Network.Width}; ")
                + Invariant($"{spec.Training.Epochs} epochs, {spec.Training.ProbeEpochs} probe epochs"),
            $"state      {Describe(status)}",
            $"attempts   {status.Attempts} started, {status.FailedAttempts} of {spec.MaxAttempts} allowed failures counted",
            $"silo       {status.Silo ?? "(none yet)"}",
        };
        if (status.Progress is { } p)
        {
            lines.Add(Invariant(
                $"progress   {p.Phase} epoch {p.Epoch}/{p.TotalEpochs}, step {p.Step}, loss {p.Loss:0.0000}, {p.Fraction:P0} of the run"));
        }
        if (status.Result is { } r)
        {
            lines.Add(Invariant($"result     validation {r.ValidationAccuracy:P2}, test {r.TestAccuracy:P2}, ")
                + Invariant($"best epoch {r.BestEpoch}, {r.Steps} steps, {r.DurationSeconds:0.0} s on {r.Device}"));
        }

        lines.Add("history");
        lines.AddRange(status.History.Select(Describe));
        lines.Add($"checkpoints ({checkpoints.Count} stored)");
        lines.AddRange(checkpoints.Select(Describe));
        return lines;
    }

    private static string Describe(RunStatus status) => status.State switch
    {
        RunState.Failed => $"failed: {status.Error}",
        RunState.Retrying => $"retrying at {status.NextRetryUtc:u} after: {status.Error}",
        RunState.Cancelled => $"cancelled: {status.CancelReason}",
        _ => status.State.ToString().ToLowerInvariant(),
    };

    private static string Describe(RunAttempt attempt)
    {
        var ended = attempt.EndedUtc is { } end ? $"{end:u}" : "running";
        var outcome = attempt.Outcome.ToString().ToLowerInvariant();
        var line = $"  #{attempt.Number} {outcome,-11} queued {attempt.QueuedUtc:u}, ended {ended}, "
            + $"silo {attempt.Silo ?? "-"}, from checkpoint {attempt.ResumedFromCheckpoint}";
        return attempt.Error is null ? line : $"{line}{Environment.NewLine}      error: {attempt.Error}";
    }

    private static string Describe(CheckpointInfo checkpoint)
    {
        var what = checkpoint.Problem is null
            ? $"{checkpoint.Phase} epoch {checkpoint.Epoch}"
            : $"UNUSABLE: {checkpoint.Problem}";
        return Invariant($"  {checkpoint.Sequence,6}  {checkpoint.Bytes,12:N0} bytes  {checkpoint.StoredUtc:u}  {what}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
