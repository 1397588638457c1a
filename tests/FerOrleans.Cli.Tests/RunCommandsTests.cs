using FerOrleans.Cli;
using FerOrleans.Cli.Commands.Run;
using FerOrleans.Cli.Infrastructure;
using FerOrleans.Contracts.Runs;
using FerOrleans.Contracts.Sweeps;
using Spectre.Console.Cli;

namespace FerOrleans.Cli.Tests;

public sealed class RunCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fer-cli-run-tests").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SpecFile_MaxAttempts_ReadAndDefaulted()
    {
        var withField = Path.Combine(_folder, "with.yaml");
        File.WriteAllText(withField, "name: a\ndatasetA: x\napproaches: [\"SL(c)\"]\ntrainFractions: [0.5]\naugmentationRatios: [1]\nmaxAttempts: 5\n");
        var without = Path.Combine(_folder, "without.yaml");
        File.WriteAllText(without, "name: a\ndatasetA: x\napproaches: [\"SL(c)\"]\ntrainFractions: [0.5]\naugmentationRatios: [1]\n");

        Assert.Equal(5, SweepSpecFile.Read(withField).MaxAttempts);
        Assert.Equal(3, SweepSpecFile.Read(without).MaxAttempts);
    }

    [Fact]
    public void RunReport_FailedRun_ListsAttempts()
    {
        var started = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var status = new RunStatus
        {
            Definition = Definition(),
            State = RunState.Failed,
            Error = "StorageUnavailableException: store down",
            Attempts = 2,
            FailedAttempts = 2,
            Silo = "silo-1",
            History =
            [
                new RunAttempt { Number = 1, QueuedUtc = started, EndedUtc = started.AddMinutes(1), Outcome = RunState.Failed, Error = "first error" },
                new RunAttempt { Number = 2, QueuedUtc = started, EndedUtc = started.AddMinutes(2), Outcome = RunState.Failed, Error = "second error", ResumedFromCheckpoint = 4 },
            ],
        };
        CheckpointInfo[] checkpoints =
        [
            new() { Sequence = 4, Bytes = 123456, Phase = "contrastive", Epoch = 4, StoredUtc = started },
            new() { Sequence = 5, Bytes = 99, StoredUtc = started, Problem = "failed its SHA-256 check" },
        ];

        var text = string.Join("\n", RunReport.Lines(status, checkpoints));

        Assert.Contains("run        s/sc-c-s50-r5-k0", text);
        Assert.Contains("SC(c), train fraction 0.5, ratio 5, repetition 0, seed 7", text);
        Assert.Contains("failed: StorageUnavailableException: store down", text);
        Assert.Contains("2 started, 2 of 3 allowed failures counted", text);
        Assert.Contains("error: first error", text);
        Assert.Contains("error: second error", text);
        Assert.Contains("from checkpoint 4", text);
        Assert.Contains("checkpoints (2 stored)", text);
        Assert.Contains("123,456 bytes", text);
        Assert.Contains("contrastive epoch 4", text);
        Assert.Contains("UNUSABLE: failed its SHA-256 check", text);
    }

    [Fact]
    public void Commands_EveryReadmeVerb_IsRegistered()
    {
        var verbs = ReadmeVerbs();
        var app = new CommandApp();
        app.Configure(FerCommands.Configure);

        var unknown = verbs.Where(verb => app.Run([.. verb, "--help"]) != 0).Select(verb => string.Join(' ', verb));

        Assert.Contains(verbs, verb => verb.SequenceEqual(["run", "split"]));
        Assert.Empty(unknown);
    }

    [Fact]
    public void UserMessage_ArgumentException_DropsParameterSuffix()
    {
        var error = new ArgumentException("Unknown approach 'XX'.", "requested");

        Assert.Equal("Unknown approach 'XX'.", FerCommands.UserMessage(error));
    }

    /// <summary>The verbs of the README's command table: the words after <c>fer</c> up to the first option or argument.</summary>
    private static List<string[]> ReadmeVerbs()
    {
        var readme = Path.Combine(SharedData.RepositoryRoot(), "README.md");
        return File.ReadLines(readme)
            .Where(line => line.StartsWith("| `fer ", StringComparison.Ordinal))
            .Select(line => line[7..].Split(' ', '`').TakeWhile(IsVerbWord).ToArray())
            .Where(verb => verb.Length > 0)
            .ToList();
    }

    private static bool IsVerbWord(string word) =>
        word.Length > 0 && word.All(c => c is >= 'a' and <= 'z' or '-') && word[0] != '-';

    private static RunDefinition Definition() => new()
    {
        RunId = "s/sc-c-s50-r5-k0",
        SweepName = "s",
        Approach = "SC(c)",
        TrainFraction = 0.5,
        AugmentationRatio = 5,
        Repetition = 0,
        Seed = 7,
        Spec = new SweepSpec
        {
            Name = "s",
            DatasetA = "a",
            Approaches = ["SC(c)"],
            TrainFractions = [0.5],
            AugmentationRatios = [5],
        },
    };
}
