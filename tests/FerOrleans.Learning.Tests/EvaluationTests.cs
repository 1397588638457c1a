using FerOrleans.Learning.Data;
using FerOrleans.Learning.Evaluation;
using FerOrleans.Learning.Network;
using FerOrleans.Learning.Training;
using TorchSharp;

namespace FerOrleans.Learning.Tests;

public sealed class EvaluationTests
{
    private static readonly Emotion[] ThreeLabels = [Emotion.Angry, Emotion.Happy, Emotion.Neutral];

    public EvaluationTests() => TorchSetup.UseOneThread();

    [Fact]
    public void ConfusionMatrix_Counts_GiveAccuracies()
    {
        var matrix = new ConfusionMatrix(ThreeLabels);
        matrix.Add(0, 0);
        matrix.Add(0, 1);
        matrix.Add(1, 1);
        matrix.Add(1, 1);

        Assert.Equal(4, matrix.Total);
        Assert.Equal(0.75, matrix.Accuracy);
        Assert.Equal(new double?[] { 0.5, 1.0, null }, matrix.PerClassAccuracy());
        Assert.Equal(new[] { new[] { 1, 1, 0 }, new[] { 0, 2, 0 }, new[] { 0, 0, 0 } }, matrix.CopyCounts());
    }

    [Fact]
    public void ConfusionMatrix_Empty_HasNaNAccuracy()
    {
        Assert.True(double.IsNaN(new ConfusionMatrix(ThreeLabels).Accuracy));
    }

    [Fact]
    public void Evaluate_LabelOutsideClasses_Throws()
    {
        var data = StripePatterns.Create("eval", 2, 3);
        using var classifier = new EmotionClassifier(new ResNet18(new NetworkOptions(Stem.ImageNet, 8)), ThreeLabels.Length);

        var error = Assert.Throws<ArgumentException>(() =>
            Evaluator.Evaluate(classifier, data, Enumerable.Range(0, data.Count).ToArray(), ThreeLabels, torch.CPU));

        Assert.Contains("not a class", error.Message);
    }

    [Fact]
    public void Evaluate_ChunkedAndWhole_Agree()
    {
        var data = StripePatterns.Create("eval", 3, 4);
        var labels = data.DistinctLabels();
        using var classifier = new EmotionClassifier(new ResNet18(new NetworkOptions(Stem.ImageNet, 8)), labels.Count);
        var indices = Enumerable.Range(0, data.Count).ToArray();

        var whole = Evaluator.Evaluate(classifier, data, indices, labels, torch.CPU);
        var chunked = Evaluator.Evaluate(classifier, data, indices, labels, torch.CPU, batchSize: 4);

        Assert.Equal(whole.CopyCounts(), chunked.CopyCounts());
        Assert.Equal(data.Count, whole.Total);
    }

    [Fact]
    public void TrainedModel_SaveAndLoad_GiveSameProbabilities()
    {
        var data = StripePatterns.Create("model", 2, 5);
        var options = new NetworkOptions(Stem.ImageNet, 8);
        using var classifier = new EmotionClassifier(new ResNet18(options), 7);
        var bytes = TrainedModel.Serialize(options, data.DistinctLabels(), 48, classifier);

        using var loaded = TrainedModel.Load(bytes);
        var fromLoaded = loaded.PredictProbabilities(data);
        var fromOriginal = Evaluator.PredictProbabilities(classifier, data, Enumerable.Range(0, data.Count).ToArray(), torch.CPU);

        Assert.Equal(options, loaded.Network);
        Assert.Equal(data.DistinctLabels(), loaded.ClassLabels);
        Assert.Equal(48, loaded.ImageSize);
        Assert.Equal(fromOriginal, fromLoaded);
        Assert.All(fromLoaded, p => Assert.Equal(1f, p.Sum(), 1e-5f));
        Assert.Equal(bytes, loaded.Save());
    }

    [Fact]
    public void TrainedModel_CorruptedBytes_ThrowInvalidData()
    {
        var options = new NetworkOptions(Stem.ImageNet, 8);
        using var classifier = new EmotionClassifier(new ResNet18(options), 7);
        var bytes = TrainedModel.Serialize(options, Enum.GetValues<Emotion>(), 48, classifier);
        bytes[^5] ^= 1;

        var error = Assert.Throws<InvalidDataException>(() => TrainedModel.Load(bytes));

        Assert.Contains("SHA-256", error.Message);
    }

    [Fact]
    public void PredictProbabilities_OtherImageSize_Throws()
    {
        var options = new NetworkOptions(Stem.ImageNet, 8);
        using var classifier = new EmotionClassifier(new ResNet18(options), 7);
        using var model = TrainedModel.Load(TrainedModel.Serialize(options, Enum.GetValues<Emotion>(), 48, classifier));
        var small = new FaceDataset("small", 24, new byte[24 * 24], [Emotion.Happy], ["s"], ["i"]);

        var error = Assert.Throws<ArgumentException>(() => model.PredictProbabilities(small));

        Assert.Contains("24x24", error.Message);
    }

    [Theory]
    [InlineData(0, 0.05)]
    [InlineData(174, 0.05)]
    [InlineData(175, 0.005)]
    [InlineData(199, 0.005)]
    [InlineData(200, 0.0005)]
    [InlineData(225, 0.00005)]
    [InlineData(249, 0.00005)]
    public void Schedule_PaperDefaults_DecayAt175_200_225(int epoch, double expected)
    {
        var decayEpochs = new TrainingOptions().DecayEpochs(250);

        Assert.Equal(new[] { 175, 200, 225 }, decayEpochs);
        Assert.Equal(expected, LearningRateSchedule.At(0.05, decayEpochs, epoch), 1e-15);
    }
}
