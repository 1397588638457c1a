using System.Text.RegularExpressions;
using FerOrleans.Contracts.Sweeps;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace FerOrleans.Cli.Infrastructure;

/// <summary>Reads a sweep spec from YAML; field names are the camelCase names of <see cref="SweepSpec"/>.</summary>
public static partial class SweepSpecFile
{
    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        // Nested spec records hold read-only lists, which YamlDotNet cannot create by itself.
        .WithTypeMapping<IReadOnlyList<double>, List<double>>()
        .Build();

    /// <exception cref="ArgumentException">The file is missing, is not YAML or has an unknown field; names file, line and field.</exception>
    public static SweepSpec Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"Sweep spec '{path}' does not exist.");
        }

        try
        {
            var yaml = Reader.Deserialize<SweepSpecYaml>(File.ReadAllText(path))
                ?? throw new ArgumentException($"Sweep spec '{path}' is empty.");
            return yaml.ToSpec(path);
        }
        catch (YamlException ex)
        {
            throw new ArgumentException(
                $"{path}:{ex.Start.Line}:{ex.Start.Column}: {Explain(ex.InnerException?.Message ?? ex.Message)}", ex);
        }
    }

    /// <summary>YamlDotNet names an unknown key by our internal type; say which keys that level allows instead.</summary>
    private static string Explain(string message)
    {
        var unknown = UnknownProperty().Match(message);
        if (!unknown.Success)
        {
            return message;
        }

        var typeName = unknown.Groups["type"].Value;
        var level = new[] { typeof(SweepSpecYaml), typeof(NetworkSpec), typeof(TrainingSpec), typeof(AugmentationSpec) }
            .FirstOrDefault(t => typeName.EndsWith(t.Name, StringComparison.Ordinal));
        if (level is null)
        {
            return message;
        }

        var keys = level.GetProperties().Where(p => p.CanWrite).Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]);
        var where = level == typeof(SweepSpecYaml) ? "the top level" : $"'{char.ToLowerInvariant(level.Name[0])}{level.Name[1..^4]}'";
        return $"unknown key '{unknown.Groups["key"].Value}'. Keys allowed at {where}: {string.Join(", ", keys)}.";
    }

    [GeneratedRegex("Property '(?<key>[^']+)' not found on type '(?<type>[^']+)'")]
    private static partial Regex UnknownProperty();

    /// <summary>The YAML shape, mutable only for the deserialiser; mapped once to the immutable spec.</summary>
    private sealed class SweepSpecYaml
    {
        public string? Name { get; set; }
        public string? DatasetA { get; set; }
        public string? DatasetB { get; set; }
        public List<string> Approaches { get; set; } = [];
        public List<double> TrainFractions { get; set; } = [];
        public List<int> AugmentationRatios { get; set; } = [];
        public int Repetitions { get; set; } = 10;
        public int Seed { get; set; } = 1;
        /// <summary>"auto" (or absent), "true" or "false"; see <see cref="SweepSpec.SubjectDisjoint"/>.</summary>
        public string? SubjectDisjoint { get; set; }
        public int CheckpointsKept { get; set; } = 2;
        public int MaxAttempts { get; set; } = 3;
        public int? MaxConcurrentRuns { get; set; }
        public NetworkSpec Network { get; set; } = new();
        public TrainingSpec Training { get; set; } = new();
        public AugmentationSpec Augmentation { get; set; } = new();

        public SweepSpec ToSpec(string path) => new()
        {
            Name = Name ?? throw new ArgumentException($"{path}: field 'name' is required."),
            DatasetA = DatasetA ?? throw new ArgumentException($"{path}: field 'datasetA' is required."),
            DatasetB = DatasetB,
            Approaches = Approaches,
            TrainFractions = TrainFractions,
            AugmentationRatios = AugmentationRatios,
            Repetitions = Repetitions,
            Seed = Seed,
            SubjectDisjoint = ParseSubjectDisjoint(path),
            CheckpointsKept = CheckpointsKept,
            MaxAttempts = MaxAttempts,
            MaxConcurrentRuns = MaxConcurrentRuns,
            Network = Network,
            Training = Training,
            Augmentation = Augmentation,
        };

        private bool? ParseSubjectDisjoint(string path) => SubjectDisjoint?.Trim().ToLowerInvariant() switch
        {
            null or "auto" => null,
            "true" => true,
            "false" => false,
            _ => throw new ArgumentException(
                $"{path}: subjectDisjoint: '{SubjectDisjoint}' is not allowed; allowed: auto (subject-disjoint when a "
                + "subject of data set A has several images), true, false."),
        };
    }
}
