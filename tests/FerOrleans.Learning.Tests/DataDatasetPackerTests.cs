using FerOrleans.Learning.Data;

namespace FerOrleans.Learning.Tests;

public sealed class DataDatasetPackerTests
{
    [Fact]
    public void DatasetPacker_PackThenUnpack_RestoresEveryField()
    {
        var data = SmallDataset();

        var packed = DatasetPacker.Pack(data, imagesPerShard: 4, source: "unit test");
        var restored = DatasetPacker.Unpack(packed.Manifest, packed.Shards);

        Assert.Equal(data.Name, restored.Name);
        Assert.Equal(data.ImageSize, restored.ImageSize);
        Assert.Equal(data.Pixels, restored.Pixels);
        Assert.Equal(data.Labels, restored.Labels);
        Assert.Equal(data.SubjectIds, restored.SubjectIds);
        Assert.Equal(data.ImageIds, restored.ImageIds);
        Assert.Equal(data.IsSynthetic, restored.IsSynthetic);
    }

    [Fact]
    public void DatasetPacker_Pack_TenByFour_MakesThreeShards()
    {
        var packed = DatasetPacker.Pack(SmallDataset(), imagesPerShard: 4, source: "unit test");
        var manifest = packed.Manifest;

        Assert.Equal(3, packed.Shards.Count);
        Assert.Equal(new[] { 4, 4, 2 }, manifest.Shards.Select(s => s.Count));
        Assert.Equal(new[] { 0, 1, 2 }, manifest.Shards.Select(s => s.Index));
        Assert.Equal(packed.Shards.Select(s => (long)s.Length), manifest.Shards.Select(s => s.Bytes));
        Assert.Equal(10, manifest.Count);
        Assert.Equal(5, manifest.CountsPerLabel["happy"]);
        Assert.Equal(5, manifest.CountsPerLabel["sad"]);
        Assert.Equal("unit test", manifest.Source);
        Assert.Equal(2, manifest.FormatVersion);
        Assert.Equal(64, manifest.Sha256.Length);
        Assert.Equal("FERS"u8.ToArray(), packed.Shards[0][..4]);
    }

    [Fact]
    public void DatasetPacker_Pack_SameData_SameChecksums()
    {
        var first = DatasetPacker.Pack(SmallDataset(), 4);
        var second = DatasetPacker.Pack(SmallDataset(), 4);

        Assert.Equal(first.Manifest.Sha256, second.Manifest.Sha256);
        Assert.Equal(first.Manifest.Shards.Select(s => s.Sha256), second.Manifest.Shards.Select(s => s.Sha256));
    }

    [Fact]
    public void DatasetManifest_ToJsonThenFromJson_RoundTrips()
    {
        var manifest = DatasetPacker.Pack(SmallDataset(), 4, "unit test").Manifest;

        var json = manifest.ToJson();
        var parsed = DatasetManifest.FromJson(json);

        Assert.Contains("\"countsPerLabel\"", json);
        Assert.Contains("\"imageSize\": 3", json);
        Assert.Contains("\"happy\": 5", json);
        Assert.Equal(manifest.Name, parsed.Name);
        Assert.Equal(manifest.Sha256, parsed.Sha256);
        Assert.Equal(manifest.CreatedUtc, parsed.CreatedUtc);
        Assert.Equal(DateTimeKind.Utc, parsed.CreatedUtc.Kind);
        Assert.Equal(manifest.Shards, parsed.Shards);
        Assert.Equal(manifest.CountsPerLabel, parsed.CountsPerLabel);
        Assert.Equal(manifest.IsSynthetic, parsed.IsSynthetic);
        Assert.Equal(manifest.Source, parsed.Source);
    }

    [Fact]
    public void DatasetPacker_Unpack_ThroughJson_RestoresPixels()
    {
        var data = SmallDataset();
        var packed = DatasetPacker.Pack(data, 3);

        var restored = DatasetPacker.Unpack(DatasetManifest.FromJson(packed.Manifest.ToJson()), packed.Shards);

        Assert.Equal(data.Pixels, restored.Pixels);
    }

    [Fact]
    public void DatasetPacker_Unpack_FlippedByte_NamesShard()
    {
        var packed = DatasetPacker.Pack(SmallDataset(), 4);
        var shards = packed.Shards.Select(s => (byte[])s.Clone()).ToArray();
        shards[1][20] ^= 0x01;

        var error = Assert.Throws<InvalidDataException>(() => DatasetPacker.Unpack(packed.Manifest, shards));

        Assert.Contains("Shard 1", error.Message);
        Assert.Contains("'small'", error.Message);
        Assert.Contains("SHA-256", error.Message);
    }

    [Fact]
    public void DatasetPacker_Unpack_TruncatedShard_NamesShard()
    {
        var packed = DatasetPacker.Pack(SmallDataset(), 4);
        var shards = packed.Shards.ToArray();
        shards[2] = shards[2][..^3];

        var error = Assert.Throws<InvalidDataException>(() => DatasetPacker.Unpack(packed.Manifest, shards));

        Assert.Contains("Shard 2", error.Message);
    }

    [Fact]
    public void DatasetPacker_Unpack_WrongTotalChecksum_Rejected()
    {
        var packed = DatasetPacker.Pack(SmallDataset(), 4);
        var manifest = packed.Manifest with { Sha256 = new string('0', 64) };

        var error = Assert.Throws<InvalidDataException>(() => DatasetPacker.Unpack(manifest, packed.Shards));

        Assert.Contains("all shards", error.Message);
        Assert.Contains("'small'", error.Message);
    }

    [Fact]
    public void DatasetPacker_Unpack_ShardsSwapped_Rejected()
    {
        var packed = DatasetPacker.Pack(SmallDataset(), 4);
        var swapped = new[] { packed.Shards[1], packed.Shards[0], packed.Shards[2] };

        var error = Assert.Throws<InvalidDataException>(() => DatasetPacker.Unpack(packed.Manifest, swapped));

        Assert.Contains("Shard 0", error.Message);
    }

    [Fact]
    public void DatasetPacker_Unpack_MissingShard_Rejected()
    {
        var packed = DatasetPacker.Pack(SmallDataset(), 4);

        var error = Assert.Throws<InvalidDataException>(() =>
            DatasetPacker.Unpack(packed.Manifest, packed.Shards.Take(2).ToArray()));

        Assert.Contains("2 shards", error.Message);
        Assert.Contains("lists 3", error.Message);
    }

    [Fact]
    public void DatasetPacker_RoundTrip_Synthetic_KeepsFlag()
    {
        var data = SyntheticFaces.Generate(SyntheticDomain.Child, 2, seed: 3);

        var packed = DatasetPacker.Pack(data);
        var restored = DatasetPacker.Unpack(packed.Manifest, packed.Shards);

        Assert.True(packed.Manifest.IsSynthetic);
        Assert.True(restored.IsSynthetic);
        Assert.Single(packed.Shards);
        Assert.Equal(data.Pixels, restored.Pixels);
    }

    [Fact]
    public void DatasetPacker_PackThenUnpack_EmptyDataset_HasNoShards()
    {
        var empty = new FaceDataset("empty", 48, [], [], [], []);

        var packed = DatasetPacker.Pack(empty);
        var restored = DatasetPacker.Unpack(packed.Manifest, packed.Shards);

        Assert.Empty(packed.Shards);
        Assert.Equal(0, restored.Count);
    }

    [Fact]
    public void DatasetManifest_FromJson_InvalidJson_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => DatasetManifest.FromJson("{ not json"));
        Assert.Throws<InvalidDataException>(() => DatasetManifest.FromJson("{}"));
    }

    /// <summary>Ten 3x3 images, two labels, non-ASCII ids so that the UTF-8 length prefixes matter.</summary>
    private static FaceDataset SmallDataset()
    {
        const int count = 10;
        var pixels = Enumerable.Range(0, count * 9).Select(i => (byte)(i * 7 % 256)).ToArray();
        var labels = Enumerable.Range(0, count).Select(i => i % 2 == 0 ? Emotion.Happy : Emotion.Sad).ToArray();
        var subjects = Enumerable.Range(0, count).Select(i => $"sujet-é{i / 2}").ToArray();
        var images = Enumerable.Range(0, count).Select(i => $"{labels[i]}/photo-ü{i}.jpg").ToArray();
        return new FaceDataset("small", 3, pixels, labels, subjects, images);
    }
}
