using System.Text.Json;
using FerOrleans.Learning.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Tests;

/// <summary>
/// SupCon and SimCLR against values of SupConLoss in HobbitLong/SupContrast losses.py (commit
/// 66a8fe5, PyTorch 1.13, float64, base_temperature = temperature, contrast_mode "all").
/// </summary>
public sealed class SupConLossTests
{
    private const double RelativeTolerance = 1e-6;

    public SupConLossTests() => TorchSetup.UseOneThread();

    public static TheoryData<string> CaseNames() => new(ReferenceCases.Load().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Loss_ReferenceCase_MatchesSupContrast(string name)
    {
        var reference = ReferenceCases.Load().Single(c => c.Name == name);
        using var scope = torch.NewDisposeScope();
        var features = reference.Features();

        var loss = reference.Labels is null
            ? SimClrLoss.Compute(features, reference.Temperature)
            : SupConLoss.Compute(features, torch.tensor(reference.Labels), reference.Temperature);

        Assert.Equal(ScalarType.Float64, loss.dtype);
        AssertClose(reference.ExpectedLoss, loss.item<double>(), name);
    }

    [Fact]
    public void SupCon_WithoutLabels_EqualsSimClr()
    {
        var reference = ReferenceCases.Load().First(c => c.Labels is null && c.Views == 2);
        using var scope = torch.NewDisposeScope();
        var features = reference.Features();

        var supCon = SupConLoss.Compute(features, labels: null, reference.Temperature).item<double>();
        var simClr = SimClrLoss.Compute(features, reference.Temperature).item<double>();

        Assert.Equal(supCon, simClr);
    }

    [Fact]
    public void SupCon_Float32_MatchesReference()
    {
        var reference = ReferenceCases.Load().First(c => c.Labels is not null && c.Temperature == 0.07);
        using var scope = torch.NewDisposeScope();
        var features = reference.Features().to(ScalarType.Float32);

        var loss = SupConLoss.Compute(features, torch.tensor(reference.Labels!), reference.Temperature);

        Assert.Equal(ScalarType.Float32, loss.dtype);
        Assert.Equal(reference.ExpectedLoss, loss.item<float>(), reference.ExpectedLoss * 1e-4);
    }

    [Fact]
    public void SupCon_Float32Tau001_StaysFinite()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(3);
        var raw = torch.randn(16, 2, 128, dtype: ScalarType.Float32).requires_grad_();
        var features = nn.functional.normalize(raw, p: 2, dim: 2);
        var labels = torch.tensor(new long[] { 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 4, 5, 6, 6 });

        var loss = SupConLoss.Compute(features, labels, temperature: 0.01);
        loss.backward();

        Assert.True(float.IsFinite(loss.item<float>()), $"loss {loss.item<float>()}");
        Assert.False(raw.grad!.isnan().any().item<bool>(), "gradient contains NaN");
        Assert.False(raw.grad!.isinf().any().item<bool>(), "gradient contains inf");
    }

    [Fact]
    public void SimClr_Float32Tau001_StaysFinite()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(4);
        var features = nn.functional.normalize(torch.randn(8, 2, 32), p: 2, dim: 2);

        var loss = SimClrLoss.Compute(features, temperature: 0.01).item<float>();

        Assert.True(float.IsFinite(loss), $"loss {loss}");
    }

    [Fact]
    public void SupCon_AnchorWithoutPositive_CountsZero()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(5);
        var features = nn.functional.normalize(torch.randn(4, 1, 8, dtype: ScalarType.Float64), p: 2, dim: 2);

        // Images 0 and 1 share a label; 2 and 3 have no positive, so the mean over four anchors
        // is (l0 + l1 + 0 + 0) / 4 = half the mean over the first two anchors alone.
        var all = SupConLoss.Compute(features, torch.tensor(new long[] { 0, 0, 1, 2 }), 0.1).item<double>();
        var pairOnly = SupConLoss.Compute(features[..2], torch.tensor(new long[] { 0, 0 }), 0.1).item<double>();
        var similarities = features.squeeze(1).matmul(features.squeeze(1).t()) / 0.1;
        var expectedPair = ExpectedPairLoss(similarities);

        Assert.Equal(expectedPair / 2, all, 1e-12);
        Assert.True(pairOnly == 0, $"two anchors that are each other's only contrast give log(1) = 0, got {pairOnly}");
    }

    [Fact]
    public void SupCon_BaseTemperature_ScalesLoss()
    {
        var reference = ReferenceCases.Load().First(c => c.Labels is not null);
        using var scope = torch.NewDisposeScope();
        var features = reference.Features();
        var labels = torch.tensor(reference.Labels!);

        var scaled = SupConLoss.Compute(features, labels, reference.Temperature, baseTemperature: 0.07).item<double>();

        AssertClose(reference.ExpectedLoss * reference.Temperature / 0.07, scaled, reference.Name);
    }

    [Fact]
    public void SupCon_WrongLabelCount_Throws()
    {
        using var scope = torch.NewDisposeScope();
        var features = nn.functional.normalize(torch.randn(4, 2, 8), p: 2, dim: 2);

        var error = Assert.Throws<ArgumentException>(() => SupConLoss.Compute(features, torch.tensor(new long[] { 0, 1, 2 }), 0.1));

        Assert.Contains("[4]", error.Message);
    }

    [Fact]
    public void SupCon_TwoDimensionalFeatures_Throws()
    {
        using var scope = torch.NewDisposeScope();

        Assert.Throws<ArgumentException>(() => SupConLoss.Compute(torch.randn(4, 8), null, 0.1));
    }

    [Fact]
    public void SupCon_ZeroTemperature_Throws()
    {
        using var scope = torch.NewDisposeScope();
        var features = nn.functional.normalize(torch.randn(4, 2, 8), p: 2, dim: 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => SupConLoss.Compute(features, null, 0));
    }

    /// <summary>Loss of anchor 0 of the first two images, each with one view: -log(e^s01 / (e^s01 + e^s02 + e^s03)).</summary>
    private static double ExpectedPairLoss(Tensor similarities)
    {
        var s = similarities.data<double>().ToArray();
        double Anchor(int i, int positive)
        {
            var denominator = Enumerable.Range(0, 4).Where(q => q != i).Sum(q => Math.Exp(s[i * 4 + q]));
            return -(s[i * 4 + positive] - Math.Log(denominator));
        }

        return (Anchor(0, 1) + Anchor(1, 0)) / 2;
    }

    private static void AssertClose(double expected, double actual, string name)
    {
        var relative = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(
            expected == 0 ? Math.Abs(actual) < 1e-12 : relative < RelativeTolerance,
            $"{name}: expected {expected:R}, got {actual:R}, relative error {relative:E2}");
    }
}

/// <summary>The reference cases file: FER_LOSS_CASES when set, else shared/reference next to the repository.</summary>
internal sealed record ReferenceCases(string Name, double Temperature, long[]? Labels, double[][][] Values, double ExpectedLoss)
{
    public const string PathVariable = "FER_LOSS_CASES";

    private static readonly Lazy<IReadOnlyList<ReferenceCases>> All = new(Read);

    public int Views => Values[0].Length;

    public static IReadOnlyList<ReferenceCases> Load() => All.Value;

    /// <summary>Features [images, views, dim] in float64.</summary>
    public Tensor Features()
    {
        var images = Values.Length;
        var views = Values[0].Length;
        var dim = Values[0][0].Length;
        var flat = Values.SelectMany(image => image.SelectMany(view => view)).ToArray();
        return torch.tensor(flat, [images, views, dim], dtype: ScalarType.Float64);
    }

    public static string FilePath()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FerOrleans.sln")))
        {
            directory = directory.Parent;
        }

        if (directory?.Parent is null)
        {
            throw new FileNotFoundException(
                $"FerOrleans.sln was not found above {AppContext.BaseDirectory}; set {PathVariable} to the loss cases file.");
        }

        return Path.Combine(directory.Parent.FullName, "shared", "reference", "supcon-loss-cases.json");
    }

    private static IReadOnlyList<ReferenceCases> Read()
    {
        var path = FilePath();
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The SupCon reference cases are missing at {path}; set {PathVariable}.", path);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new List<ReferenceCases>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var labels = item.GetProperty("labels");
            cases.Add(new ReferenceCases(
                item.GetProperty("name").GetString()!,
                item.GetProperty("temperature").GetDouble(),
                labels.ValueKind == JsonValueKind.Null ? null : labels.EnumerateArray().Select(l => l.GetInt64()).ToArray(),
                item.GetProperty("features").EnumerateArray()
                    .Select(image => image.EnumerateArray()
                        .Select(view => view.EnumerateArray().Select(v => v.GetDouble()).ToArray())
                        .ToArray())
                    .ToArray(),
                item.GetProperty("expected_loss").GetDouble()));
        }

        if (cases.Count == 0)
        {
            throw new InvalidDataException($"{path} contains no cases.");
        }

        return cases;
    }
}
