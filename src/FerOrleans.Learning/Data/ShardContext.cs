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

    /// <summary>
    /// Returns an error that names the data set and the shard; <paramref name="problem"/> completes
    /// "Shard k of data set 'x' ...".
    /// </summary>
    public InvalidDataException Invalid(string problem) => new(
        $"Shard {ShardIndex} of data set '{datasetName}' {problem}. "
        + "Re-create the packed data set with DatasetPacker.Pack.");
}
