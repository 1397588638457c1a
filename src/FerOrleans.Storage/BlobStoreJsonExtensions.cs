using System.Text.Json;
using System.Text.Json.Serialization;

namespace FerOrleans.Storage;

/// <summary>
/// Reads and writes JSON blobs (grain state, manifests, results) through any <see cref="IBlobStore"/>.
/// </summary>
public static class BlobStoreJsonExtensions
{
    /// <summary>
    /// The serializer options of every JSON blob: camelCase property names, enums as camelCase strings,
    /// case-insensitive reading and indented output so the blobs are easy to read by hand. The instance is read-only.
    /// </summary>
    public static JsonSerializerOptions SerializerOptions { get; } = CreateSerializerOptions();

    /// <summary>Reads the JSON blob at <paramref name="key"/> as a <typeparamref name="T"/>.</summary>
    /// <returns>The value with its ETag, or null when no blob is stored at the key.</returns>
    /// <exception cref="InvalidDataException">
    /// The blob is not valid JSON for <typeparamref name="T"/>, or is JSON null.
    /// </exception>
    public static async Task<JsonBlob<T>?> GetJsonAsync<T>(
        this IBlobStore store,
        string key,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);

        StoredBlob? blob = await store.GetAsync(key, ct);
        if (blob is null)
        {
            return null;
        }

        T value = Deserialize<T>(key, blob.Content);
        return new JsonBlob<T>(value, blob.ETag, blob.LastModified);
    }

    /// <summary>Writes <paramref name="value"/> as JSON to <paramref name="key"/>.</summary>
    /// <param name="store">The store to write to.</param>
    /// <param name="key">The blob key.</param>
    /// <param name="value">The value to serialize.</param>
    /// <param name="condition">The precondition of the write, as for <see cref="IBlobStore.PutAsync"/>.</param>
    /// <param name="ct">Cancels the write.</param>
    /// <returns>The ETag of the new version.</returns>
    /// <exception cref="StorageConflictException">The condition did not hold.</exception>
    public static Task<string> PutJsonAsync<T>(
        this IBlobStore store,
        string key,
        T value,
        BlobCondition? condition = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);

        byte[] content = JsonSerializer.SerializeToUtf8Bytes(value, SerializerOptions);
        return store.PutAsync(key, content, condition, ct);
    }

    private static T Deserialize<T>(string key, byte[] content)
    {
        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(content, SerializerOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(
                $"Blob '{key}' is not valid JSON for {typeof(T).Name}: {ex.Message}", ex);
        }

        if (value is null)
        {
            throw new InvalidDataException($"Blob '{key}' contains JSON null where a {typeof(T).Name} was expected.");
        }

        return value;
    }

    private static JsonSerializerOptions CreateSerializerOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
