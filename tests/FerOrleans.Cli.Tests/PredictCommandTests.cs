using Spectre.Console.Cli;
using TorchSharp;

namespace FerOrleans.Cli.Tests;

[Collection(TorchCollection.Name)]
public sealed class PredictCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fer-cli-predict-tests").FullName;

    public PredictCommandTests() => torch.set_num_threads(1);

    private string Store => Path.Combine(_root, "store");

    private string Images => Path.Combine(_root, "images");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Predict_OneUndecodableFile_LabelsTheOthersAndExitsOne()
    {
        await StoredModels.PutUntrainedAsync(Store, "tiny/sl-c-s50-r5-k0", "SL(c)", seed: 1);
        CopyLondonPhoto("happy", "001.jpg");
        CopyLondonPhoto("neutral", "004.jpg");
        await File.WriteAllTextAsync(Path.Combine(Images, "happy", "broken.jpg"), "not an image");

        var exitCode = await RunAsync("predict", "--model", "tiny/sl-c-s50-r5-k0", "--images", Images, "--store", Store);

        Assert.Equal(1, exitCode);
    }

    [Fact]
    public async Task Predict_ModelOfFer2013Csv_CropsPhotosToCentre()
    {
        await StoredModels.PutUntrainedAsync(Store, "tiny/sl-c-s50-r5-k0", "SL(c)", seed: 1, preprocessing: "fer2013");
        CopyLondonPhoto("happy", "001.jpg");

        var exitCode = await RunAsync("predict", "--model", "tiny/sl-c-s50-r5-k0", "--images", Images, "--store", Store);

        Assert.Equal(0, exitCode);
    }

    private static Task<int> RunAsync(params string[] args)
    {
        var app = new CommandApp();
        app.Configure(FerCommands.Configure);
        return app.RunAsync(args);
    }

    private void CopyLondonPhoto(string emotion, string file)
    {
        var target = Path.Combine(Images, emotion, file);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(SharedData.LondonFaces, emotion, file), target);
    }
}
