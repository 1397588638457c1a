using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Commands.Bench;

/// <summary>
/// <c>fer bench step</c>: median time of the SupCon training step per stem, width and thread
/// count, optionally interleaved with the PyTorch peer.
/// </summary>
public sealed class BenchStepCommand : Command<BenchStepSettings>
{
    public override int Execute(CommandContext context, BenchStepSettings settings, CancellationToken cancellationToken)
    {
        var cases = settings.Cases();
        using var peer = settings.Peer
            ? PeerProcess.Start(settings.Python, PeerScript(settings), settings.PeerEnvironment())
            : null;
        BenchOutput.Header(
            $"SupCon step: {StepBenchmark.Images} images x {StepBenchmark.Views} views, 1x{StepBenchmark.ImageSize}x"
            + $"{StepBenchmark.ImageSize}, {settings.Warmup} warm-up + {settings.Steps} measured steps x {settings.Rounds} round(s)");
        if (peer is not null)
        {
            Console.WriteLine($"peer heap: {settings.PeerHeap}");
        }

        Console.WriteLine(peer is null
            ? "| stem | width | threads | median ms | images/s |"
            : "| stem | width | threads | median ms | images/s | peer median ms | peer images/s | ours/peer |");
        Console.WriteLine(peer is null ? "|---|---:|---:|---:|---:|" : "|---|---:|---:|---:|---:|---:|---:|---:|");

        var results = new List<StepComparison>();
        foreach (var step in cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var comparison = Compare(step, settings, peer);
            results.Add(comparison);
            Console.WriteLine(Row(comparison));
        }

        if (settings.Json is { } path)
        {
            File.WriteAllText(path, JsonSerializer.Serialize(results, BenchOutput.JsonOptions));
            Console.WriteLine($"Wrote {path}.");
        }

        return 0;
    }

    /// <summary>Measures <paramref name="step"/> in every round; with a peer, the side that goes first alternates.</summary>
    private static StepComparison Compare(StepCase step, BenchStepSettings settings, PeerProcess? peer)
    {
        var ours = new List<StepMeasurement>();
        var theirs = new List<StepMeasurement>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            if (peer is not null && round % 2 == 1)
            {
                theirs.Add(peer.Measure(step, settings.Steps, settings.Warmup));
            }

            ours.Add(StepBenchmark.Measure(step, settings.Steps, settings.Warmup));
            if (peer is not null && round % 2 == 0)
            {
                theirs.Add(peer.Measure(step, settings.Steps, settings.Warmup));
            }
        }

        var ratios = ours.Zip(theirs, (a, b) => a.MedianMilliseconds / b.MedianMilliseconds).ToArray();
        return new StepComparison(step, Merge(ours), theirs.Count == 0 ? null : Merge(theirs), ratios);
    }

    private static StepMeasurement Merge(List<StepMeasurement> rounds) =>
        rounds[0] with { StepMilliseconds = rounds.SelectMany(r => r.StepMilliseconds).ToArray(), Loss = rounds[^1].Loss };

    private static string Row(StepComparison result)
    {
        var c = result.Case;
        var row = string.Create(CultureInfo.InvariantCulture,
            $"| {c.StemName} | {c.Width} | {c.Threads} | {result.Ours.MedianMilliseconds:0.0} | {result.Ours.ImagesPerSecond:0.0} |");
        if (result.Peer is null)
        {
            return row;
        }

        return row + string.Create(CultureInfo.InvariantCulture,
            $" {result.Peer.MedianMilliseconds:0.0} | {result.Peer.ImagesPerSecond:0.0} | {result.Ratio:0.00} |");
    }

    private static string PeerScript(BenchStepSettings settings)
    {
        if (settings.PeerScript is { } explicitPath)
        {
            return explicitPath;
        }

        var relative = Path.Combine("bench", "step.py");
        var parent = Path.Combine("..", relative);
        return File.Exists(relative) || !File.Exists(parent) ? relative : parent;
    }
}
