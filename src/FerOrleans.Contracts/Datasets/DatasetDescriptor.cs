namespace FerOrleans.Contracts.Datasets;

/// <summary>An imported, packed data set: its manifest and a summary for listings and checks.</summary>
[GenerateSerializer, Immutable]
public sealed record DatasetDescriptor
{
    [Id(0)] public required string Name { get; init; }

    [Id(1)] public required int Count { get; init; }

    /// <summary>Images per emotion, by emotion name.</summary>
    [Id(2)] public required IReadOnlyDictionary<string, int> CountsPerLabel { get; init; }

    /// <summary>SHA-256 of the packed content, hex.</summary>
    [Id(3)] public required string Sha256 { get; init; }

    [Id(4)] public required int ShardCount { get; init; }

    [Id(5)] public bool IsSynthetic { get; init; }

    /// <summary>How the images were pre-processed, for <c>fer predict</c> to do the same.</summary>
    [Id(6)] public string Preprocessing { get; init; } = "";

    /// <summary>The packed data set's manifest as JSON, with per-shard checksums.</summary>
    [Id(7)] public required string ManifestJson { get; init; }

    /// <summary>The label table: entry k is the emotion name of label id k (FER2013 ids).</summary>
    [Id(20)] public IReadOnlyList<string> LabelTable { get; init; } = [];

    /// <summary>Distinct subject ids; subject-disjoint splits keep each subject's images on one side.</summary>
    [Id(21)] public int SubjectCount { get; init; }

    /// <summary>Per-image metadata columns stored with the images (usage, CAFE variant, FER+ votes, ...).</summary>
    [Id(22)] public IReadOnlyList<string> MetadataColumns { get; init; } = [];
}
