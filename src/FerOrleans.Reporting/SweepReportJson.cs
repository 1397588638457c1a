using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FerOrleans.Reporting;

/// <summary>The JSON form of a <see cref="SweepReportModel"/>, as written to results.json.</summary>
public static class SweepReportJson
{
    /// <summary>
    /// Serializer options: camelCase names, indented with "\n" line ends, enums as camelCase strings and NaN as null.
    /// Characters such as &lt; stay unescaped so approach names are readable, because results.json is not HTML.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serialises the model to indented JSON.</summary>
    public static string Serialize(SweepReportModel model) => JsonSerializer.Serialize(model, Options);

    /// <summary>Parses results.json text back into a model.</summary>
    /// <exception cref="JsonException">The text is not a valid sweep report.</exception>
    public static SweepReportModel Deserialize(string json) =>
        JsonSerializer.Deserialize<SweepReportModel>(json, Options)
        ?? throw new JsonException("results.json contains null instead of a sweep report object.");

    private static JsonSerializerOptions CreateOptions()
    {
        JsonSerializerOptions options = new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new NaNAsNullConverter());
        options.MakeReadOnly();
        return options;
    }
}
