using FerOrleans.Learning.Data;

namespace FerOrleans.Learning.Tests;

/// <summary>Small data sets of 1x1 images with chosen labels and subjects, for split tests.</summary>
internal static class DataSplitFixtures
{
    /// <summary>One image per (subject, label) pair, as in a set with one photo per expression per person.</summary>
    public static FaceDataset EveryoneShowsEveryLabel(int subjects, params Emotion[] labels)
    {
        var pairs = labels
            .SelectMany(label => Enumerable.Range(0, subjects).Select(s => (Label: label, Subject: s)))
            .ToArray();
        return Build("everyone", pairs.Select(p => p.Label).ToArray(), pairs.Select(p => $"s{p.Subject:D3}").ToArray());
    }

    /// <summary>The given number of images per label, each with its own subject.</summary>
    public static FaceDataset Counts(params (Emotion Label, int Count)[] counts)
    {
        var labels = counts.SelectMany(c => Enumerable.Repeat(c.Label, c.Count)).ToArray();
        return Build("counts", labels, labels.Select((_, i) => $"s{i:D4}").ToArray());
    }

    /// <summary>Random labels and 1-6 images per subject, from a fixed seed.</summary>
    public static FaceDataset UnevenSubjects(int subjects, int seed)
    {
        var random = new Random(seed);
        var labels = new List<Emotion>();
        var ids = new List<string>();
        for (var s = 0; s < subjects; s++)
        {
            var images = random.Next(1, 7);
            for (var k = 0; k < images; k++)
            {
                labels.Add((Emotion)random.Next(0, 7));
                ids.Add($"child-{s:D3}");
            }
        }
        return Build("uneven", labels.ToArray(), ids.ToArray());
    }

    private static FaceDataset Build(string name, Emotion[] labels, string[] subjects) =>
        new(name, 1, labels.Select((_, i) => (byte)i).ToArray(), labels, subjects,
            labels.Select((_, i) => $"image-{i}").ToArray());
}
