using FerOrleans.Contracts.Sweeps;
using FerOrleans.Grains.Datasets;
using FerOrleans.Learning.Data;

namespace FerOrleans.Grains.Tests;

/// <summary>Sweep specs and data sets shared by the multi-silo tests.</summary>
public static class ClusterSpecs
{
    public static readonly TimeSpan SweepTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs of one tiny network; <paramref name="repetitions"/> x <paramref name="fractions"/> runs.</summary>
    public static SweepSpec Tiny(string name, string approach, int repetitions, int epochs = 2, params double[] fractions) => new()
    {
        Name = name,
        DatasetA = "tiny-child",
        DatasetB = "tiny-adult",
        Approaches = [approach],
        TrainFractions = fractions.Length == 0 ? [0.5] : fractions,
        AugmentationRatios = [1],
        Repetitions = repetitions,
        Network = new NetworkSpec { Stem = "imagenet", Width = 4, ProjectionHidden = 16, EmbeddingSize = 8 },
        Training = new TrainingSpec { Epochs = epochs, ProbeEpochs = 2, BatchSize = 16, ProbeLearningRate = 0.05 },
    };

    public static async Task ImportAsync(IGrainFactory grains)
    {
        await ImportAsync(grains, "tiny-child", SyntheticDomain.Child, seed: 1);
        await ImportAsync(grains, "tiny-adult", SyntheticDomain.Adult, seed: 2);
    }

    /// <summary>Polls the sweep until it is finished, riding out calls that fail while a gateway silo is gone.</summary>
    public static async Task<SweepStatus> WaitUntilFinishedAsync(
        Func<IGrainFactory> grains, string sweep, TimeSpan? timeout = null)
    {
        var limit = timeout ?? SweepTimeout;
        var deadline = DateTime.UtcNow + limit;
        SweepStatus? status = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                status = await grains().GetGrain<ISweepGrain>(sweep).GetStatusAsync();
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                // A client whose gateway silo was killed fails its next calls until it uses another gateway.
                await Task.Delay(500);
                continue;
            }
            if (status is { IsFinished: true })
            {
                return status;
            }
            await Task.Delay(100);
        }
        var states = status is null
            ? "no status"
            : string.Join(", ", status.Runs.GroupBy(r => r.State).Select(g => $"{g.Key} {g.Count()}"));
        throw new TimeoutException($"Sweep '{sweep}' did not finish within {limit}: {states}.");
    }

    private static async Task ImportAsync(IGrainFactory grains, string name, SyntheticDomain domain, int seed)
    {
        var data = SyntheticFaces.Generate(domain, 6, seed);
        var named = data.Subset(Enumerable.Range(0, data.Count).ToArray(), name);
        await DatasetImporter.ImportAsync(grains, named, "test", "none");
    }
}
