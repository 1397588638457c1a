using FerOrleans.Grains;
using FerOrleans.Grains.Training;
using FerOrleans.Learning.Data;
using FerOrleans.Learning.Evaluation;
using FerOrleans.Learning.Network;
using FerOrleans.Learning.Training;
using FerOrleans.Storage;
using TorchSharp;

namespace FerOrleans.Cli.Tests;

/// <summary>Models in a local store as a completed run leaves them, for the commands that read them.</summary>
internal static class StoredModels
{
    public static readonly Emotion[] Classes = [Emotion.Happy, Emotion.Neutral];

    /// <summary>Stores an untrained width-8 happy/neutral classifier and its card under <paramref name="runId"/>.</summary>
    public static async Task PutUntrainedAsync(
        string storePath, string runId, string approach, int seed, string preprocessing = "center")
    {
        torch.manual_seed(seed);
        var options = new NetworkOptions(Stem.ImageNet, Width: 8);
        using var classifier = new EmotionClassifier(new ResNet18(options), Classes.Length);
        var store = new LocalFolderBlobStore(storePath);
        await store.PutAsync(StoreKeys.Model(runId), TrainedModel.Serialize(options, Classes, 48, classifier));
        var card = new ModelCard(runId, approach, "tiny", Synthetic: false, preprocessing, Classes.Select(EmotionNames.Name).ToList());
        await store.PutJsonAsync(StoreKeys.ModelCard(runId), card);
    }
}
