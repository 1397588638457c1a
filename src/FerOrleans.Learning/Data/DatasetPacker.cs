using System.Security.Cryptography;

namespace FerOrleans.Learning.Data;

/// <summary>
/// Packs a <see cref="FaceDataset"/> into checksummed binary shards plus a JSON manifest, and back.
/// </summary>
/// <remarks>
/// Shard layout, version 2, all integers little-endian int32 (version 1 lacks the last item and is still read):
/// <list type="number">
/// <item>magic: the 4 ASCII bytes "FERS";</item>
/// <item>layout version (2);</item>
/// <item>image count N;</item>
/// <item>image side length S;</item>
/// <item>pixels: N x S x S bytes, image after image, row-major, 0 = black;</item>
/// <item>labels: N bytes, the emotion ids 0-6;</item>
/// <item>subject ids: N times (byte length, UTF-8 bytes);</item>
/// <item>image ids: N times (byte length, UTF-8 bytes);</item>
/// <item>version 2 only: metadata column count C, C column names, then for each column N values,
/// each as (byte length, UTF-8 bytes).</item>
/// </list>
/// Images keep their order: shard k contains images [k x imagesPerShard, (k + 1) x imagesPerShard).
/// The manifest stores the SHA-256 of each shard and of all shards concatenated in index order.
/// An empty data set packs to no shards. The manifest records the label table, the subject count and the
/// subject metadata (<see cref="FaceDataset.Subjects"/>); the shards carry the per-image metadata.
/// </remarks>
public static class DatasetPacker
{
    /// <summary>Default images per shard: 4096 images of 48x48 make a shard of about 9.5 MB.</summary>
    public const int DefaultImagesPerShard = 4096;

    /// <summary>
    /// Packs <paramref name="data"/> into shards of at most <paramref name="imagesPerShard"/> images.
    /// </summary>
    /// <param name="source">Where the images came from, stored in <see cref="DatasetManifest.Source"/>.</param>
    public static PackedDataset Pack(
        FaceDataset data, int imagesPerShard = DefaultImagesPerShard, string? source = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(imagesPerShard, 1);

        var shards = new List<byte[]>();
        var infos = new List<ShardInfo>();
        using var total = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var start = 0; start < data.Count; start += imagesPerShard)
        {
            var count = Math.Min(imagesPerShard, data.Count - start);
            var shard = ShardFormat.Write(data, start, count);
            total.AppendData(shard);
            shards.Add(shard);
            infos.Add(new ShardInfo(infos.Count, count, Hex(SHA256.HashData(shard)), shard.Length));
        }

        var manifest = new DatasetManifest(
            data.Name,
            data.ImageSize,
            data.Count,
            data.CountsPerLabel().ToDictionary(p => EmotionNames.Name(p.Key), p => p.Value),
            data.IsSynthetic,
            source ?? string.Empty,
            DateTime.UtcNow,
            Hex(total.GetHashAndReset()),
            infos,
            ShardFormat.Version,
            Enum.GetValues<Emotion>().Select(EmotionNames.Name).ToList(),
            data.SubjectIds.Distinct(StringComparer.Ordinal).Count(),
            data.Subjects is null ? null : SubjectRecords.From(data.Subjects),
            data.Metadata?.Columns.ToList() ?? []);
        return new PackedDataset(manifest, shards);
    }

    /// <summary>Verifies the checksums and layout of every shard and rebuilds the data set.</summary>
    /// <exception cref="InvalidDataException">
    /// A checksum, length, count or label differs from the manifest, or a shard is malformed; the message names
    /// the data set and the shard index.
    /// </exception>
    public static FaceDataset Unpack(DatasetManifest manifest, IReadOnlyList<byte[]> shards)
    {
        var name = manifest.Name;
        CheckManifest(manifest, shards.Count);

        var context = new ShardContext(name, 0, manifest.ImageSize, manifest.Count);
        using var total = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var firstImage = 0;
        for (var i = 0; i < shards.Count; i++)
        {
            context.ShardIndex = i;
            var info = manifest.Shards[i];
            VerifyShard(shards[i], info, context);
            total.AppendData(shards[i]);
            ShardFormat.Read(shards[i], context, firstImage, info.Count);
            firstImage += info.Count;
        }

        var totalHash = Hex(total.GetHashAndReset());
        if (!string.Equals(totalHash, manifest.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException(
                $"Data set '{name}': the SHA-256 of all shards is {totalHash}, the manifest lists {manifest.Sha256}. "
                + "Import the data set again from its source with `fer data import`.");
        }

        var data = new FaceDataset(
            name,
            manifest.ImageSize,
            context.Pixels,
            context.Labels,
            context.SubjectIds,
            context.ImageIds,
            manifest.IsSynthetic)
        {
            Subjects = manifest.Subjects?.ToTable(),
            Metadata = context.Metadata(),
        };
        CheckCounts(manifest, data);
        return data;
    }

    private static void CheckManifest(DatasetManifest manifest, int shardCount)
    {
        var name = manifest.Name;
        if (manifest.FormatVersion < ShardFormat.FirstReadableVersion || manifest.FormatVersion > ShardFormat.Version)
        {
            throw new InvalidDataException(
                $"Data set '{name}' uses shard layout version {manifest.FormatVersion}; this build reads versions "
                + $"{ShardFormat.FirstReadableVersion}-{ShardFormat.Version}. "
                + "Import the data set again from its source with this build's `fer data import`.");
        }
        CheckLabelTable(manifest);
        if (shardCount != manifest.Shards.Count)
        {
            throw new InvalidDataException(
                $"Data set '{name}': {shardCount} shards were given, the manifest lists {manifest.Shards.Count}. "
                + "Pass all shards in index order.");
        }
        var shardImages = manifest.Shards.Sum(s => (long)s.Count);
        if (manifest.ImageSize < 1 || shardImages != manifest.Count)
        {
            throw new InvalidDataException(
                $"Data set '{name}': the manifest lists {manifest.Count} images of size {manifest.ImageSize} "
                + $"but its shards hold {shardImages}. Import the data set again from its source with `fer data import`.");
        }
        for (var i = 0; i < manifest.Shards.Count; i++)
        {
            if (manifest.Shards[i].Index != i || manifest.Shards[i].Count < 0)
            {
                throw new InvalidDataException(
                    $"Data set '{name}': manifest entry {i} describes shard {manifest.Shards[i].Index} with "
                    + $"{manifest.Shards[i].Count} images. List the shards in index order 0, 1, ...");
            }
        }
    }

    /// <summary>Rejects a manifest whose label table numbers the emotions differently from this build.</summary>
    private static void CheckLabelTable(DatasetManifest manifest)
    {
        if (manifest.LabelTable is null)
        {
            return;
        }
        var expected = Enum.GetValues<Emotion>().Select(EmotionNames.Name).ToArray();
        if (!manifest.LabelTable.SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw new InvalidDataException(
                $"Data set '{manifest.Name}' has the label table [{string.Join(", ", manifest.LabelTable)}]; "
                + $"this build uses the FER2013 ids [{string.Join(", ", expected)}]. "
                + "Re-import the data set with this build.");
        }
    }

    private static void VerifyShard(byte[] shard, ShardInfo info, ShardContext context)
    {
        if (shard.LongLength != info.Bytes)
        {
            throw context.Invalid($"has {shard.LongLength} bytes; the manifest lists {info.Bytes}");
        }
        var hash = Hex(SHA256.HashData(shard));
        if (!string.Equals(hash, info.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw context.Invalid($"has SHA-256 {hash}; the manifest lists {info.Sha256}, so the shard is corrupt");
        }
    }

    private static void CheckCounts(DatasetManifest manifest, FaceDataset data)
    {
        var counts = data.CountsPerLabel().ToDictionary(p => EmotionNames.Name(p.Key), p => p.Value);
        var same = counts.Count == manifest.CountsPerLabel.Count
            && counts.All(p => manifest.CountsPerLabel.TryGetValue(p.Key, out var n) && n == p.Value);
        if (!same)
        {
            throw new InvalidDataException(
                $"Data set '{manifest.Name}': the shards hold {Describe(counts)} per label, the manifest lists "
                + $"{Describe(manifest.CountsPerLabel)}. Import the data set again from its source with `fer data import`.");
        }
    }

    private static string Describe(IReadOnlyDictionary<string, int> counts) =>
        string.Join(", ", counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
