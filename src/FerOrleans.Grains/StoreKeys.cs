using System.Globalization;

namespace FerOrleans.Grains;

/// <summary>Where each kind of blob lives in the store; the one place that builds store keys.</summary>
public static class StoreKeys
{
    /// <summary>Name of the grain storage provider that keeps grain state in the store.</summary>
    public const string GrainStorage = "fer";

    public static string DatasetManifest(string dataset) => $"datasets/{dataset}/manifest.json";

    public static string DatasetShard(string dataset, int index) =>
        $"datasets/{dataset}/shard-{index.ToString("D4", CultureInfo.InvariantCulture)}.bin";

    /// <summary>Folder of one run's blobs; run ids are <c>{sweep}/{cell}</c>.</summary>
    public static string RunFolder(string runId) => $"runs/{runId}/";

    public static string Checkpoint(string runId, int sequence) =>
        $"{RunFolder(runId)}checkpoint-{sequence.ToString("D6", CultureInfo.InvariantCulture)}.bin";

    public static string CheckpointPrefix(string runId) => $"{RunFolder(runId)}checkpoint-";

    public static string RunResult(string runId) => $"{RunFolder(runId)}result.json";

    public static string Model(string runId) => $"{RunFolder(runId)}model.bin";

    public static string ModelCard(string runId) => $"{RunFolder(runId)}model.json";

    /// <summary>The sequence number of a checkpoint key, or null when the key is not a checkpoint.</summary>
    public static int? CheckpointSequence(string key)
    {
        var name = key[(key.LastIndexOf('/') + 1)..];
        if (!name.StartsWith("checkpoint-", StringComparison.Ordinal) || !name.EndsWith(".bin", StringComparison.Ordinal))
        {
            return null;
        }

        var digits = name["checkpoint-".Length..^".bin".Length];
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : null;
    }
}
