namespace FerOrleans.Learning.Data;

/// <summary>The arrays a shard is read into, and the names used in error messages.</summary>
internal sealed class ShardContext(string datasetName, int shardIndex, int imageSize, int totalCount)
{
    public int ImageSize { get; } = imageSize;

    public int ShardIndex { get; set; } = shardIndex;

    public byte[] Pixels { get; } = new byte[(long)totalCount * imageSize * imageSize];

    public Emotion[] Labels { get; } = new Emotion[totalCount];

    public string[] SubjectIds { get; } = new string[totalCount];

    public string[] ImageIds { get; } = new string[totalCount];

    /// <summary>Metadata column names of the first shard read, or null before any shard with metadata.</summary>
    public string[]? MetadataColumns { get; private set; }

    /// <summary>Metadata values per column, one per image of the data set.</summary>
    public string[][] MetadataValues { get; private set; } = [];

    /// <summary>
    /// Returns the value arrays for <paramref name="columns"/>, allocating them on the first shard;
    /// every later shard must declare the same columns.
    /// </summary>
    public string[][] UseMetadataColumns(string[] columns)
    {
        if (MetadataColumns is null)
        {
            MetadataColumns = columns;
            MetadataValues = columns.Select(_ => Enumerable.Repeat(string.Empty, ImageIds.Length).ToArray()).ToArray();
            return MetadataValues;
        }
        if (!MetadataColumns.AsSpan().SequenceEqual(columns))
        {
            throw Invalid(
                $"has metadata columns ({string.Join(", ", columns)}) unlike shard 0 "
                + $"({string.Join(", ", MetadataColumns)})");
        }
        return MetadataValues;
    }

    /// <summary>Returns the metadata read, or null when no shard had metadata columns.</summary>
    public ImageMetadata? Metadata() =>
        MetadataColumns is { Length: > 0 } ? new ImageMetadata(MetadataColumns, MetadataValues) : null;

    /// <summary>
    /// Returns an error that names the data set and the shard; <paramref name="problem"/> completes
    /// "Shard k of data set 'x' ...".
    /// </summary>
    public InvalidDataException Invalid(string problem) => new(
        $"Shard {ShardIndex} of data set '{datasetName}' {problem}. "
        + "Import the data set again from its source with `fer data import`.");
}
