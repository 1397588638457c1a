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

    /// <summary>
    /// Returns true when <paramref name="storedJson"/>, as a checkpoint stores it, describes <paramref name="config"/>.
    /// A field that the stored JSON lacks takes its default, and null decay fractions mean the default ones, so a
    /// checkpoint written before a setting existed still matches a run that keeps that setting at its default.
    /// </summary>
    public static bool Describes(string storedJson, RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        RunConfig stored;
        try
        {
            stored = Deserialize<RunConfig>(storedJson);
        }
        catch (JsonException)
        {
            return false;
        }

        // JSON of another shape (a foreign or truncated configuration) leaves whole parts unset.
        if (stored.Approach is null || stored.Network is null || stored.Augmentation is null || stored.Training is null)
        {
            return false;
        }

        return string.Equals(Serialize(Normalized(stored)), Serialize(Normalized(config)), StringComparison.Ordinal);
    }

    private static RunConfig Normalized(RunConfig config) => config with
    {
        Training = config.Training with
        {
            DecayFractions = config.Training.DecayFractions ?? TrainingOptions.DefaultDecayFractions,
        },
    };

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"The JSON text is null where a {typeof(T).Name} was expected.");
}
