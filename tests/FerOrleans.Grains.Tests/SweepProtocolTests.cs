using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Grains.Datasets;
using FerOrleans.Grains.Training;
using FerOrleans.Learning.Data;
using FerOrleans.Storage;

namespace FerOrleans.Grains.Tests;

/// <summary>The protocol checks of a sweep on a real in-process silo: label coverage and stored splits.</summary>
public sealed class SweepProtocolTests
{
    private static readonly TimeSpan SweepTimeout = TimeSpan.FromMinutes(4);

    private static SweepSpec TinySpec(string name, params string[] approaches) => new()
    {
        Name = name,
        DatasetA = "tiny-child",
        DatasetB = "tiny-adult",
        Approaches = approaches,
        TrainFractions = [0.5],
        AugmentationRatios = [1],
        Repetitions = 1,
        Seed = 12,
        Network = new NetworkSpec { Stem = "imagenet", Width = 4, ProjectionHidden = 16, EmbeddingSize = 8 },
        Training = new TrainingSpec { Epochs = 1, ProbeEpochs = 1, BatchSize = 16 },
    };

    [Fact]
    public async Task Start_SupplementLacksLabels_RejectsNamingThemAndStoresNothing()
    {
        await using var cluster = await EmbeddedCluster.StartAsync();
        await cluster.ImportSyntheticAsync("tiny-child", SyntheticDomain.Child, 6, seed: 1);
        var adults = SyntheticFaces.Generate(SyntheticDomain.Adult, 6, seed: 2);
        var withoutTwo = Enumerable.Range(0, adults.Count)
            .Where(i => adults.Labels[i] is not (Emotion.Disgust or Emotion.Fear))
            .ToArray();
        await DatasetImporter.ImportAsync(cluster.Grains, adults.Subset(withoutTwo, "tiny-adult"), "test", "none");
        var sweep = cluster.Grains.GetGrain<ISweepGrain>("uncovered");

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => sweep.StartAsync(TinySpec("uncovered", "SL(c)", "SC(c<-a)", "SC(c+a)")));

        Assert.Contains("datasetB: 'tiny-adult' has no images labelled disgust, fear", error.Message);
        Assert.Contains("SC(c<-a), SC(c+a) draw images of B by the labels of A", error.Message);
        Assert.Null(await sweep.GetStatusAsync());
        Assert.Empty(await cluster.ListAsync("runs/"));
    }

    [Fact]
    public async Task Run_StoredSplit_MatchesSplitDerivedFromSeed()
    {
        await using var cluster = await EmbeddedCluster.StartAsync();
        var children = await cluster.ImportSyntheticAsync("tiny-child", SyntheticDomain.Child, 6, seed: 1);
        await cluster.ImportSyntheticAsync("tiny-adult", SyntheticDomain.Adult, 6, seed: 2);
        var sweep = cluster.Grains.GetGrain<ISweepGrain>("replay");

        await sweep.StartAsync(TinySpec("replay", "SL(c)"));
        var run = Assert.Single((await WaitUntilFinishedAsync(sweep, cluster)).Runs);
        var stored = await cluster.Store.GetJsonAsync<RunResult>(StoreKeys.RunResult(run.Definition.RunId));

        Assert.Equal(RunState.Completed, run.State);
        Assert.NotNull(stored);
        var expected = RunSplit.Derive(run.Definition, children).ToIds(children);
        Assert.Equal(expected.Train, stored.Value.Split.Train);
        Assert.Equal(expected.Validation, stored.Value.Split.Validation);
        Assert.Equal(expected.Test, stored.Value.Split.Test);

        // Synthetic faces show each person with all seven emotions, so auto resolves to subject-disjoint.
        Assert.True(stored.Value.Split.SubjectDisjoint);
        var subjectOf = Enumerable.Range(0, children.Count).ToDictionary(i => children.ImageIds[i], i => children.SubjectIds[i]);
        var trainSubjects = stored.Value.Split.Train.Select(id => subjectOf[id]).ToHashSet();
        Assert.DoesNotContain(stored.Value.Split.Validation, id => trainSubjects.Contains(subjectOf[id]));
        Assert.DoesNotContain(stored.Value.Split.Test, id => trainSubjects.Contains(subjectOf[id]));
        Assert.Equal(children.Count,
            stored.Value.Split.Train.Count + stored.Value.Split.Validation.Count + stored.Value.Split.Test.Count);
    }

    private static Task<SweepStatus> WaitUntilFinishedAsync(ISweepGrain sweep, EmbeddedCluster cluster) =>
        ClusterSpecs.WaitUntilFinishedAsync(() => cluster.Grains, sweep.GetPrimaryKeyString(), SweepTimeout);
}
