using System.Text.Json;
using FerOrleans.Cli.Commands.Cam;
using FerOrleans.Grains;
using FerOrleans.Grains.Training;
using FerOrleans.Learning.Data;
using FerOrleans.Learning.Evaluation;
using FerOrleans.Learning.Network;
using FerOrleans.Learning.Training;
using FerOrleans.Storage;
using SkiaSharp;
using Spectre.Console.Cli;
using TorchSharp;

namespace FerOrleans.Cli.Tests;

/// <summary>Torch tests of the CLI share torch's global thread pool, so they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "torch";
}

[Collection(TorchCollection.Name)]
public sealed class CamCommandTests : IDisposable
{

    private readonly string _root = Path.Combine(Path.GetTempPath(), "fer-cli-cam-tests", Guid.NewGuid().ToString("N"));

    public CamCommandTests() => torch.set_num_threads(1);

    private string Store => Path.Combine(_root, "store");

    private string Images => Path.Combine(_root, "images");

    private string Out => Path.Combine(_root, "out");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Cam_ThreeStoredRuns_WritesGridAndMaps()
    {
        string[] runs = ["tiny/sc-c-s50-r5-k0", "tiny/sc-c-s50-r5-k1", "tiny/sc-c-from-a-s50-r5-k0"];
        await StoreModelAsync(runs[0], "SC(c)", seed: 1);
        await StoreModelAsync(runs[1], "SC(c)", seed: 2);
        await StoreModelAsync(runs[2], "SC(c<-a)", seed: 3);
        CopyLondonPhoto("happy", "001.jpg", Path.Combine("happy", "001.jpg"));
        CopyLondonPhoto("neutral", "004.jpg", Path.Combine("unsorted", "004.jpg"));

        var exitCode = await RunAsync(
            "cam", "--images", Images, "--runs", runs[0], runs[1], "--runs", runs[2], "--store", Store, "--out", Out);

        Assert.Equal(0, exitCode);
        var layout = new CamGridLayout(Rows: 2, MapColumns: 2);
        using var grid = SKBitmap.Decode(Path.Combine(Out, "happy-001.png"));
        Assert.Equal(layout.Width, grid.Width);
        Assert.Equal(layout.Height, grid.Height);

        var (values, shape) = NpyFile.ReadFloat32(Path.Combine(Out, "happy-001.maps.npy"));
        Assert.Equal(new[] { 3, 48, 48 }, shape);
        Assert.All(values, v => Assert.InRange(v, 0f, 1f));

        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "happy-001.maps.json")));
        var maps = index.RootElement.GetProperty("maps").EnumerateArray().ToList();
        Assert.Equal(runs, maps.Select(m => m.GetProperty("runId").GetString()));
        Assert.Equal("happy", index.RootElement.GetProperty("trueLabel").GetString());
        Assert.Equal(48, index.RootElement.GetProperty("height").GetInt32());

        // The frame of row 1, column 1 (SC(c<-a), k0) is green for a correct prediction and red for a wrong one.
        var correct = maps[2].GetProperty("correct").GetBoolean();
        var frame = grid.GetPixel(layout.FrameLeft(1) + 1, layout.FrameTop(1) + 1);
        Assert.Equal(correct, frame.Green > frame.Red);
        Assert.Equal(correct, maps[2].GetProperty("predictedClass").GetString() == "happy");
    }

    [Fact]
    public async Task Cam_ImageOutsideEmotionFolder_HasNoLabelAndGreyFrames()
    {
        const string run = "tiny/sl-c-s50-r5-k0";
        await StoreModelAsync(run, "SL(c)", seed: 4);
        CopyLondonPhoto("neutral", "004.jpg", Path.Combine("unsorted", "004.jpg"));

        var exitCode = await RunAsync("cam", "--images", Images, "--runs", run, "--class", "neutral", "--store", Store, "--out", Out);

        Assert.Equal(0, exitCode);
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "unsorted-004.maps.json")));
        var map = index.RootElement.GetProperty("maps")[0];
        Assert.Equal(JsonValueKind.Null, index.RootElement.GetProperty("trueLabel").ValueKind);
        Assert.Equal(JsonValueKind.Null, map.GetProperty("correct").ValueKind);
        Assert.Equal("neutral", map.GetProperty("targetClass").GetString());

        var layout = new CamGridLayout(Rows: 1, MapColumns: 1);
        using var grid = SKBitmap.Decode(Path.Combine(Out, "unsorted-004.png"));
        var frame = grid.GetPixel(layout.FrameLeft(1) + 1, layout.FrameTop(0) + 1);
        Assert.Equal(frame.Red, frame.Green);
        Assert.Equal(frame.Green, frame.Blue);
    }

    [Fact]
    public async Task Cam_RunWithoutModel_FailsAndWritesNothing()
    {
        CopyLondonPhoto("happy", "001.jpg", Path.Combine("happy", "001.jpg"));

        var exitCode = await RunAsync("cam", "--images", Images, "--runs", "tiny/missing", "--store", Store, "--out", Out);

        Assert.NotEqual(0, exitCode);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task Cam_RunsAndSweepTogether_FailsValidation()
    {
        var exitCode = await RunAsync("cam", "--images", Images, "--runs", "a/b", "--sweep", "a", "--out", Out);

        Assert.NotEqual(0, exitCode);
        Assert.False(Directory.Exists(Out));
    }

    private static Task<int> RunAsync(params string[] args)
    {
        var app = new CommandApp();
        app.Configure(FerCommands.Configure);
        return app.RunAsync(args);
    }

    private Task StoreModelAsync(string runId, string approach, int seed) =>
        StoredModels.PutUntrainedAsync(Store, runId, approach, seed);

    private void CopyLondonPhoto(string emotion, string file, string relativeTarget)
    {
        var target = Path.Combine(Images, relativeTarget);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(SharedData.LondonFaces, emotion, file), target);
    }
}
