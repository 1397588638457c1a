using FerOrleans.Cli.Commands.Run;
using FerOrleans.Contracts.Runs;
using FerOrleans.Grains;
using FerOrleans.Storage;

namespace FerOrleans.Cli.Tests;

public sealed class RunSplitCommandTests : IDisposable
{
    private readonly string _store = Directory.CreateTempSubdirectory("fer-cli-split-tests").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    private static readonly RunSplitIds Split = new()
    {
        Train = ["happy/001.jpg", "neutral/001.jpg"],
        Validation = ["happy/004.jpg"],
        Test = ["neutral/004.jpg"],
        SubjectDisjoint = true,
    };

    [Fact]
    public void Format_Split_ListsEveryImageWithItsPart()
    {
        var lines = RunSplitLines.Format(Split).ToArray();

        Assert.Equal(
            ["train\thappy/001.jpg", "train\tneutral/001.jpg", "validation\thappy/004.jpg", "test\tneutral/004.jpg"],
            lines);
    }

    [Fact]
    public void Summary_Split_CountsPartsAndNamesRule()
    {
        var summary = RunSplitLines.Summary("quick/sl-c-s50-r5-k0", Split);

        Assert.Equal("Run quick/sl-c-s50-r5-k0: 2 training, 1 validation, 1 test images, subject-disjoint.", summary);
    }

    [Fact]
    public async Task WriteAsync_StoredResult_PrintsLinesAndSummary()
    {
        var store = BlobStoreFactory.Create(new StorageOptions { Kind = StorageKind.Local, LocalPath = _store });
        await store.PutJsonAsync(StoreKeys.RunResult("quick/sl-c-s50-r5-k0"), new RunResult { Split = Split });
        var output = new StringWriter();
        var log = new StringWriter();

        await RunSplitCommand.WriteAsync(store, "quick/sl-c-s50-r5-k0", json: false, output, log, CancellationToken.None);

        Assert.Equal(RunSplitLines.Format(Split).Select(l => l + Environment.NewLine), SplitLines(output.ToString()));
        Assert.StartsWith("Run quick/sl-c-s50-r5-k0: 2 training", log.ToString());
    }

    [Fact]
    public async Task WriteAsync_Json_RoundTripsSplit()
    {
        var store = BlobStoreFactory.Create(new StorageOptions { Kind = StorageKind.Local, LocalPath = _store });
        await store.PutJsonAsync(StoreKeys.RunResult("quick/sc-c-s50-r5-k1"), new RunResult { Split = Split });
        var output = new StringWriter();

        await RunSplitCommand.WriteAsync(store, "quick/sc-c-s50-r5-k1", json: true, output, TextWriter.Null, CancellationToken.None);

        var read = System.Text.Json.JsonSerializer.Deserialize<RunSplitIds>(output.ToString(), BlobStoreJsonExtensions.SerializerOptions);
        Assert.NotNull(read);
        Assert.Equal(Split.Train, read.Train);
        Assert.Equal(Split.Validation, read.Validation);
        Assert.Equal(Split.Test, read.Test);
        Assert.True(read.SubjectDisjoint);
    }

    [Fact]
    public async Task WriteAsync_NoResult_NamesRunAndKey()
    {
        var store = BlobStoreFactory.Create(new StorageOptions { Kind = StorageKind.Local, LocalPath = _store });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => RunSplitCommand.WriteAsync(
            store, "quick/missing", json: false, TextWriter.Null, TextWriter.Null, CancellationToken.None));

        Assert.Contains("Run 'quick/missing' has no stored result (runs/quick/missing/result.json not found)", error.Message);
    }

    private static IEnumerable<string> SplitLines(string text) =>
        text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Select(l => l + Environment.NewLine);
}
