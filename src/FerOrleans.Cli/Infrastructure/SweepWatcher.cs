using System.Globalization;
using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace FerOrleans.Cli.Infrastructure;

/// <summary>
/// Polls a sweep and shows its progress until every run has completed or failed: a live table on a
/// terminal, one plain line per change otherwise (logs, CI).
/// </summary>
public static class SweepWatcher
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <param name="sweep">The sweep to follow.</param>
    /// <param name="onStatus">Called with every polled status (the sweep metrics endpoint), or null.</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>The final status; 0 failed runs means the sweep succeeded.</returns>
    public static async Task<SweepStatus> WatchAsync(
        ISweepGrain sweep, Action<SweepStatus>? onStatus, CancellationToken cancellationToken)
    {
        var poll = async (SweepStatus? last) =>
        {
            var status = await sweep.GetStatusAsync() ?? last
                ?? throw new ArgumentException($"No sweep named '{sweep.GetPrimaryKeyString()}' exists.");
            onStatus?.Invoke(status);
            return status;
        };
        var status = await poll(null);
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsOutputRedirected)
        {
            return await WatchPlainAsync(poll, status, cancellationToken);
        }

        var eta = new SweepEta();
        await AnsiConsole.Live(Render(status, eta.Update(status))).AutoClear(false).StartAsync(async live =>
        {
            while (!status.IsFinished)
            {
                await Task.Delay(PollInterval, cancellationToken);
                status = await poll(status);
                live.UpdateTarget(Render(status, eta.Update(status)));
            }
        });
        return status;
    }

    private static async Task<SweepStatus> WatchPlainAsync(
        Func<SweepStatus?, Task<SweepStatus>> poll, SweepStatus status, CancellationToken cancellationToken)
    {
        var printed = new Dictionary<string, string>(StringComparer.Ordinal);
        var eta = new SweepEta();
        var finishedBefore = -1;
        while (true)
        {
            var remaining = eta.Update(status);
            var finished = status.Count(RunState.Completed) + status.Count(RunState.Failed);
            if (finished != finishedBefore)
            {
                Console.WriteLine($"sweep {status.Spec.Name}: {Summary(status, remaining)}");
                finishedBefore = finished;
            }
            foreach (var run in status.Runs)
            {
                var line = PlainLine(run);
                if (!printed.TryGetValue(run.Definition.RunId, out var last) || last != line)
                {
                    Console.WriteLine($"{run.Definition.RunId}: {line}");
                    printed[run.Definition.RunId] = line;
                }
            }
            if (status.IsFinished)
            {
                return status;
            }
            await Task.Delay(PollInterval, cancellationToken);
            status = await poll(status);
        }
    }

    /// <summary>State and, while training, phase and epoch; coarse so the plain output stays short.</summary>
    private static string PlainLine(RunStatus run) => run.State switch
    {
        RunState.Running when run.Progress is { } p => $"running {p.Phase} epoch {p.Epoch}/{p.TotalEpochs}",
        RunState.Completed => $"completed: validation {Percent(run.Result!.ValidationAccuracy)}, test {Percent(run.Result.TestAccuracy)}",
        RunState.Failed => $"failed: {run.Error}",
        _ => run.State.ToString().ToLowerInvariant(),
    };

    /// <summary>Returns the finished runs (and how many of them failed), overall progress and the estimated time left.</summary>
    public static string Summary(SweepStatus status, TimeSpan? remaining)
    {
        var failed = status.Count(RunState.Failed);
        var done = status.Count(RunState.Completed) + failed;
        var failures = failed > 0 ? $" ({failed} failed)" : "";
        var overall = (SweepEta.Fraction(status) * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
        var eta = remaining is { } r ? $", ETA {Duration(r)}" : "";
        return $"{done}/{status.Runs.Count} finished{failures}, {overall}{eta}";
    }

    private static IRenderable Render(SweepStatus status, TimeSpan? remaining)
    {
        var table = new Table().Border(TableBorder.Simple)
            .Title($"sweep {Markup.Escape(status.Spec.Name)}: {Summary(status, remaining)}")
            .AddColumns("run", "state", "phase", "epoch", "loss", "img/s", "ETA", "val", "test");
        foreach (var run in status.Runs)
        {
            var p = run.Progress;
            var finished = run.State is RunState.Completed or RunState.Failed;
            table.AddRow(
                Markup.Escape(run.Definition.RunId),
                StateMarkup(run),
                finished ? "" : p?.Phase ?? "",
                finished || p is null ? "" : $"{p.Epoch}/{p.TotalEpochs}",
                finished || p is null ? "" : p.Loss.ToString("0.000", CultureInfo.InvariantCulture),
                finished || p is null ? "" : p.ImagesPerSecond.ToString("0", CultureInfo.InvariantCulture),
                finished ? "" : p?.Remaining is { } eta ? Duration(eta) : "",
                run.Result is { } r ? Percent(r.ValidationAccuracy) : "",
                run.Result is { } t ? Percent(t.TestAccuracy) : "");
        }
        return table;
    }

    private static string StateMarkup(RunStatus run) => run.State switch
    {
        RunState.Completed => "[green]completed[/]",
        RunState.Failed => "[red]failed[/]",
        RunState.Running => "[yellow]running[/]",
        _ => $"[grey]{run.State.ToString().ToLowerInvariant()}[/]",
    };

    /// <summary>h:mm:ss, or m:ss under an hour.</summary>
    private static string Duration(TimeSpan span) => span.TotalHours >= 1
        ? $"{(int)span.TotalHours}:{span:mm\\:ss}"
        : span.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
