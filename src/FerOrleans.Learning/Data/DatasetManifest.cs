using System.Text.Json;
using System.Text.Json.Serialization;

namespace FerOrleans.Learning.Data;

/// <summary>Description of a packed data set, stored as JSON next to its shards.</summary>
/// <param name="Name">Data set name.</param>
/// <param name="ImageSize">Side length of the square images, in pixels.</param>
/// <param name="Count">Images in all shards together.</param>
/// <param name="CountsPerLabel">Images per canonical emotion name ("happy"); labels without images are absent.</param>
/// <param name="IsSynthetic">True for generated faces.</param>
/// <param name="Source">Where the images came from (a file, a folder, a generator and its seed).</param>
/// <param name="CreatedUtc">When the data set was packed.</param>
/// <param name="Sha256">SHA-256 of all shard bytes concatenated in index order, lower-case hex.</param>
/// <param name="Shards">The shards in index order.</param>
/// <param name="FormatVersion">Version of the shard layout; see <see cref="DatasetPacker"/>.</param>
/// <param name="LabelTable">
/// The label table: entry k is the canonical name of label id k (FER2013 ids, "angry" ... "neutral").
/// Null in manifests written before it was recorded.
/// </param>
/// <param name="SubjectCount">Distinct subject ids over all images; 0 in manifests written before it was recorded.</param>
/// <param name="Subjects">Per-subject metadata (age, sex, ...) when the source provided it, else null.</param>
/// <param name="MetadataColumns">Per-image metadata columns stored in the shards; empty when there are none.</param>
public sealed record DatasetManifest(
    string Name,
    int ImageSize,
    int Count,
    Dictionary<string, int> CountsPerLabel,
    bool IsSynthetic,
    string Source,
    DateTime CreatedUtc,
    string Sha256,
    List<ShardInfo> Shards,
    int FormatVersion,
    List<string>? LabelTable = null,
    int SubjectCount = 0,
    SubjectRecords? Subjects = null,
    List<string>? MetadataColumns = null)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Serialises the manifest as indented camelCase JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Parses a manifest written by <see cref="ToJson"/>.</summary>
    /// <exception cref="InvalidDataException">The JSON is invalid or a required field is missing.</exception>
    public static DatasetManifest FromJson(string json)
    {
        DatasetManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<DatasetManifest>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"The data set manifest is not valid JSON ({e.Message}). Import the data set again from its source with `fer data import`.", e);
        }

        if (manifest is null || manifest.Name is null || manifest.Source is null || manifest.Sha256 is null
            || manifest.Shards is null || manifest.CountsPerLabel is null)
        {
            throw new InvalidDataException(
                "The data set manifest lacks name, source, sha256, shards or countsPerLabel. "
                + "Import the data set again from its source with `fer data import`.");
        }
        return manifest;
    }
}
