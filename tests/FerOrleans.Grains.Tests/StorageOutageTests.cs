using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using FerOrleans.Grains.Training;
using FerOrleans.Storage;
using FerOrleans.Storage.Tests;
using Xunit.Abstractions;

namespace FerOrleans.Grains.Tests;

/// <summary>Training on an Azure Blob store (Azurite, started here) while the store goes away and comes back.</summary>
public sealed class StorageOutageTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan ShortOutage = TimeSpan.FromSeconds(10);

    private readonly string _azuriteFolder = Path.Combine(Path.GetTempPath(), "fer-outage-azurite", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_azuriteFolder))
        {
            Directory.Delete(_azuriteFolder, recursive: true);
        }
    }

    [Fact]
    public async Task Run_StoreDownTenSeconds_Completes()
    {
        var expected = await UninterruptedRun.GetAsync();
        await using var azurite = await AzuriteProcess.StartAsync(_azuriteFolder);
        // Retries at most 2 s apart, so the run goes on soon after Azurite is back; the budget spans about 17 s per request.
        var retry = new StorageRetryOptions { MaxRetries = 8, FirstDelay = TimeSpan.FromMilliseconds(500), MaxDelay = TimeSpan.FromSeconds(2) };
        await using var cluster = await FaultCluster.StartAsync(AzureStorage(azurite, retry));
        await cluster.ImportTinyDatasetsAsync();
        var runId = FaultSpecs.RunId("outage");
        await cluster.Grains.GetGrain<ISweepGrain>("outage").StartAsync(FaultSpecs.OneRun("outage"));
        await cluster.WaitForCheckpointsAsync(runId, 1);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await azurite.StopAsync();
        var stopped = watch.Elapsed;
        await Task.Delay(ShortOutage);
        await azurite.StartAgainAsync();
        var started = watch.Elapsed;
        var status = await cluster.WaitUntilFinishedAsync("outage");
        output.WriteLine($"stop {stopped.TotalSeconds:F1} s, back at {started.TotalSeconds:F1} s, finished at {watch.Elapsed.TotalSeconds:F1} s");

        var run = Assert.Single(status.Runs);
        Assert.Equal(RunState.Completed, run.State);
        Assert.Equal(1, run.Attempts);
        Assert.Equal(0, run.FailedAttempts);
        FaultSpecs.AssertSameResult(expected.Result, run.Result!);
        var checkpoints = await cluster.Grains.GetGrain<IRunGrain>(runId).GetCheckpointsAsync();
        Assert.Equal([FaultSpecs.Epochs - 1, FaultSpecs.Epochs], checkpoints.Select(c => c.Sequence));
        Assert.All(checkpoints, c => Assert.Null(c.Problem));
        var retries = cluster.Logs.Entries.Count(e => e.EventId == (int)LogEvent.CheckpointStoreRetry);
        output.WriteLine($"checkpoint store retries logged during the outage: {retries}");
        await AssertNoSecretAsync(cluster, azurite);
    }

    [Fact]
    public async Task Run_StoreDownPastBudget_FailsThenReruns()
    {
        var expected = await UninterruptedRun.GetAsync();
        var total = System.Diagnostics.Stopwatch.StartNew();
        await using var azurite = await AzuriteProcess.StartAsync(_azuriteFolder);
        output.WriteLine($"azurite up {total.Elapsed.TotalSeconds:F1} s");
        var quick = new StorageRetryOptions { MaxRetries = 1, FirstDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(50) };
        await using var cluster = await FaultCluster.StartAsync(AzureStorage(azurite, quick));
        await cluster.ImportTinyDatasetsAsync();
        var runId = FaultSpecs.RunId("long-outage");
        var sweep = cluster.Grains.GetGrain<ISweepGrain>("long-outage");
        output.WriteLine($"imported {total.Elapsed.TotalSeconds:F1} s");
        await sweep.StartAsync(FaultSpecs.OneRun("long-outage", maxAttempts: 1));
        await cluster.WaitForCheckpointsAsync(runId, 1);
        output.WriteLine($"first checkpoint {total.Elapsed.TotalSeconds:F1} s");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await azurite.StopAsync();
        var stopped = watch.Elapsed;
        var failed = Assert.Single((await cluster.WaitUntilFinishedAsync("long-outage")).Runs);
        var failedAt = watch.Elapsed;
        await azurite.StartAgainAsync();
        await cluster.WaitForAsync("long-outage", _ => cluster.Logs.Entries.Any(e => e.EventId == (int)LogEvent.RunStateStoredLate),
            "failed state stored after the outage");
        var storedAt = watch.Elapsed;
        await sweep.RerunFailedAsync();
        var status = await cluster.WaitUntilFinishedAsync("long-outage");
        output.WriteLine($"stop {stopped.TotalSeconds:F1} s, failed at {failedAt.TotalSeconds:F1} s, "
            + $"stored at {storedAt.TotalSeconds:F1} s, finished at {watch.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(RunState.Failed, failed.State);
        Assert.Contains(nameof(StorageUnavailableException), failed.Error);
        Assert.Contains("fer sweep rerun-failed long-outage", failed.Error);
        Assert.Contains(cluster.Logs.Entries, e => e.EventId == (int)LogEvent.RunStateNotStored);
        var run = Assert.Single(status.Runs);
        Assert.Equal(RunState.Completed, run.State);
        Assert.True(run.ResumedFromEpoch >= 1, $"the rerun started from checkpoint {run.ResumedFromEpoch}");
        Assert.Equal([RunState.Failed, RunState.Completed], run.History.Select(a => a.Outcome));
        FaultSpecs.AssertSameResult(expected.Result, run.Result!);
    }

    /// <summary>The account key must appear in no blob (state, checkpoints, results, models) and no log line.</summary>
    private static async Task AssertNoSecretAsync(FaultCluster cluster, AzuriteProcess azurite)
    {
        var keys = await cluster.ListAsync("");
        Assert.Contains(keys, k => k.EndsWith("result.json", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.Contains("checkpoint-", StringComparison.Ordinal));
        var secret = System.Text.Encoding.ASCII.GetBytes(AzuriteProcess.DevelopmentAccountKey);
        foreach (var key in keys)
        {
            var content = (await cluster.Store.GetAsync(key))!.Content;
            Assert.True(content.AsSpan().IndexOf(secret) < 0, $"blob {key} contains the account key");
            Assert.True(content.AsSpan().IndexOf("AccountKey"u8) < 0, $"blob {key} contains 'AccountKey'");
        }
        Assert.NotEmpty(cluster.Logs.Entries);
        Assert.DoesNotContain(AzuriteProcess.DevelopmentAccountKey, cluster.Logs.AllText);
        Assert.DoesNotContain("AccountKey=", cluster.Logs.AllText);
        Assert.DoesNotContain(AzuriteProcess.DevelopmentAccountKey, cluster.Options.Storage.ToString());
        Assert.Contains($"127.0.0.1:{azurite.Port}", cluster.Options.Storage.Describe());
    }

    private static StorageOptions AzureStorage(AzuriteProcess azurite, StorageRetryOptions retry) => new()
    {
        Kind = StorageKind.AzureBlob,
        ConnectionString = azurite.ConnectionString,
        Container = "fer-outage",
        Retry = retry,
    };
}
