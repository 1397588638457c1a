namespace FerOrleans.Learning.Data;

/// <summary>One shard of a packed data set.</summary>
/// <param name="Index">0-based position of the shard; images follow shard order.</param>
/// <param name="Count">Images in the shard.</param>
/// <param name="Sha256">SHA-256 of the shard bytes, lower-case hex.</param>
/// <param name="Bytes">Length of the shard in bytes.</param>
public sealed record ShardInfo(int Index, int Count, string Sha256, long Bytes);
