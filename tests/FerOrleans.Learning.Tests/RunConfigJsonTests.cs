using System.Text.Json.Nodes;
using FerOrleans.Learning.Training;

namespace FerOrleans.Learning.Tests;

public sealed class RunConfigJsonTests
{
    private static readonly RunConfig Config = TinyRuns.Config("SC(c<-a)", epochs: 3, probeEpochs: 2);

    [Fact]
    public void Describes_JsonWithoutNewerFields_MatchesDefaults()
    {
        // A checkpoint written before the schedule, warm-up, decay rate, optimiser and head settings existed,
        // with decay fractions left null.
        var json = JsonNode.Parse(RunConfigJson.Serialize(Config))!.AsObject();
        var training = json["Training"]!.AsObject();
        foreach (var name in new[] { "Schedule", "WarmupEpochs", "DecayRate", "Optimizer" })
        {
            Assert.True(training.Remove(name), name);
        }
        training["DecayFractions"] = null;
        Assert.True(json["Network"]!.AsObject().Remove("Head"));

        var current = Config with { Training = Config.Training with { DecayFractions = [0.3, 0.2, 0.1] } };

        Assert.True(RunConfigJson.Describes(json.ToJsonString(), current));
    }

    [Fact]
    public void Describes_OtherSchedule_DoesNotMatch()
    {
        var json = RunConfigJson.Serialize(Config);
        var cosine = Config with { Training = Config.Training with { Schedule = ScheduleKind.Cosine } };

        Assert.True(RunConfigJson.Describes(json, Config));
        Assert.False(RunConfigJson.Describes(json, cosine));
        Assert.False(RunConfigJson.Describes("not json", Config));
    }
}
