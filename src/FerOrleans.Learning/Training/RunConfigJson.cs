using System.Text.Json;
using System.Text.Json.Serialization;

namespace FerOrleans.Learning.Training;

/// <summary>The JSON form of run configurations and network options stored in checkpoints and models.</summary>
public static class RunConfigJson
{
    /// <summary>Enums as names, so stored files stay readable when enum members are reordered.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"The JSON text is null where a {typeof(T).Name} was expected.");
}
