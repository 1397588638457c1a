using System.Text;
using FerOrleans.Storage;
using Orleans.Storage;

namespace FerOrleans.Hosting;

/// <summary>
/// Grain state as JSON blobs in the store, one blob per grain and state name, written with ETag
/// conditions so that two activations of one grain cannot overwrite each other's state unnoticed.
/// </summary>
public sealed class BlobGrainStorage(IBlobStore store) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await store.GetJsonAsync<T>(KeyOf(stateName, grainId));
        if (stored is null)
        {
            grainState.RecordExists = false;
            grainState.ETag = null;
            return;
        }

        grainState.State = stored.Value;
        grainState.ETag = stored.ETag;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = KeyOf(stateName, grainId);
        var condition = grainState.ETag is null ? BlobCondition.IfNoneMatch : BlobCondition.IfMatch(grainState.ETag);
        try
        {
            grainState.ETag = await store.PutJsonAsync(key, grainState.State, condition);
            grainState.RecordExists = true;
        }
        catch (StorageConflictException ex)
        {
            throw new InconsistentStateException(
                $"Grain state '{key}' was changed by another writer since it was read.", grainState.ETag ?? "", "", ex);
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await store.DeleteAsync(KeyOf(stateName, grainId), grainState.ETag);
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary><c>grains/{state}/{grain type}/{escaped key}.json</c>; characters outside the key alphabet become <c>=XX</c>.</summary>
    public static string KeyOf(string stateName, GrainId grainId) =>
        $"grains/{Escape(stateName)}/{Escape(grainId.Type.ToString()!)}/{Escape(grainId.Key.ToString()!)}.json";

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append('=').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return escaped.ToString();
    }
}
