using System.Text.Json;
using System.Text.Json.Serialization;

namespace FerOrleans.Reporting;

/// <summary>
/// Writes NaN as JSON null and reads null back as NaN, because JSON has no NaN and the summaries use NaN for
/// statistics that need more values (a standard deviation of one value).
/// </summary>
internal sealed class NaNAsNullConverter : JsonConverter<double>
{
    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsNaN(value))
        {
            writer.WriteNullValue();
            return;
        }

        if (double.IsInfinity(value))
        {
            throw new JsonException($"Cannot write {value} to results.json: JSON has no infinite numbers.");
        }

        writer.WriteNumberValue(value);
    }
}
