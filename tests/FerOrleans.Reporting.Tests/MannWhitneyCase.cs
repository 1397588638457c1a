using System.Text.Json.Serialization;

namespace FerOrleans.Reporting.Tests;

/// <summary>One case of the scipy 1.10.1 <c>mannwhitneyu</c> reference file.</summary>
public sealed record MannWhitneyCase(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("x")] double[] X,
    [property: JsonPropertyName("y")] double[] Y,
    [property: JsonPropertyName("alternative")] string Alternative,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("u")] double U,
    [property: JsonPropertyName("p")] double P)
{
    /// <inheritdoc/>
    public override string ToString() => Name;
}
