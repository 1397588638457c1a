using System.Buffers.Binary;
using System.Security.Cryptography;
using FerOrleans.Learning.Data;

namespace FerOrleans.Learning.Tests;

public sealed class DataDatasetPackerMetadataTests
{
    [Fact]
    public void DatasetPacker_RoundTripThroughJson_KeepsImageMetadata()
    {
        var data = Tagged();

        var packed = DatasetPacker.Pack(data, imagesPerShard: 2);
        var manifest = DatasetManifest.FromJson(packed.Manifest.ToJson());
        var restored = DatasetPacker.Unpack(manifest, packed.Shards);

        Assert.Equal(3, packed.Shards.Count);
        Assert.Equal(new[] { "usage", "mouth-open" }, restored.Metadata!.Columns);
        Assert.Equal(data.Metadata!.Column("usage"), restored.Metadata.Column("usage"));
        Assert.Equal(new[] { "true", "", "false", "true", "ü" }, restored.Metadata.Column("mouth-open"));
        Assert.Equal(new[] { "usage", "mouth-open" }, manifest.MetadataColumns);
    }

    [Fact]
    public void DatasetPacker_RoundTripThroughJson_KeepsSubjectsAndLabelTable()
    {
        var data = Tagged();

        var manifest = DatasetManifest.FromJson(DatasetPacker.Pack(data).Manifest.ToJson());
        var restored = DatasetPacker.Unpack(manifest, DatasetPacker.Pack(data).Shards);

        Assert.Equal(
            new[] { "angry", "disgust", "fear", "happy", "sad", "surprise", "neutral" }, manifest.LabelTable);
        Assert.Equal(3, manifest.SubjectCount);
        Assert.Equal(new[] { "age" }, restored.Subjects!.Columns);
        Assert.Equal("5", restored.Subjects.Value("F-AA-02", "age"));
        Assert.Equal(data.SubjectIds, restored.SubjectIds);
    }

    [Fact]
    public void DatasetPacker_Unpack_Version1Shard_StillRead()
    {
        var data = Tagged();
        var plain = new FaceDataset(data.Name, data.ImageSize, data.Pixels, data.Labels, data.SubjectIds, data.ImageIds);
        var packed = DatasetPacker.Pack(plain);

        // Layout 1 is layout 2 without the metadata column count (0 here) at the end.
        var shard = packed.Shards[0][..^4];
        BinaryPrimitives.WriteInt32LittleEndian(shard.AsSpan(4), 1);
        var hash = Convert.ToHexStringLower(SHA256.HashData(shard));
        var manifest = packed.Manifest with
        {
            FormatVersion = 1,
            Sha256 = hash,
            Shards = [new ShardInfo(0, plain.Count, hash, shard.Length)],
            LabelTable = null,
        };
        var restored = DatasetPacker.Unpack(manifest, [shard]);

        Assert.Equal(plain.Pixels, restored.Pixels);
        Assert.Equal(plain.ImageIds, restored.ImageIds);
        Assert.Null(restored.Metadata);
    }

    [Fact]
    public void DatasetPacker_Unpack_OtherLabelTable_Rejected()
    {
        var packed = DatasetPacker.Pack(Tagged());
        var manifest = packed.Manifest with
        {
            LabelTable = ["angry", "disgust", "fear", "happy", "neutral", "sad", "surprise"],
        };

        var error = Assert.Throws<InvalidDataException>(() => DatasetPacker.Unpack(manifest, packed.Shards));

        Assert.Contains("label table", error.Message);
        Assert.Contains("neutral, sad, surprise", error.Message);
    }

    [Fact]
    public void FaceDataset_Subset_KeepsMetadataOfChosenImages()
    {
        var subset = Tagged().Subset([4, 0]);

        Assert.Equal(new[] { "PrivateTest", "Training" }, subset.Metadata!.Column("usage"));
        Assert.Equal(new[] { "ü", "true" }, subset.Metadata.Column("mouth-open"));
    }

    /// <summary>Five 2x2 images of three subjects with two metadata columns and subject ages.</summary>
    private static FaceDataset Tagged()
    {
        var pixels = Enumerable.Range(0, 5 * 4).Select(i => (byte)(i * 13)).ToArray();
        Emotion[] labels = [Emotion.Angry, Emotion.Happy, Emotion.Neutral, Emotion.Sad, Emotion.Happy];
        string[] subjects = ["F-AA-02", "F-AA-02", "M-EA-11", "M-L-07", "M-L-07"];
        var images = Enumerable.Range(0, 5).Select(i => $"img-{i}.jpg").ToArray();
        var metadata = new ImageMetadata(
            ["usage", "mouth-open"],
            [
                ["Training", "Training", "PublicTest", "Training", "PrivateTest"],
                ["true", "", "false", "true", "ü"],
            ]);
        var table = new SubjectTable(
            ["age"],
            new Dictionary<string, string[]> { ["F-AA-02"] = ["5"], ["M-EA-11"] = ["7"], ["M-L-07"] = ["3"] });
        return new FaceDataset("tagged", 2, pixels, labels, subjects, images) { Metadata = metadata, Subjects = table };
    }
}
