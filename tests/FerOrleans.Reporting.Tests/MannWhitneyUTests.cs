using System.Text.Json;

namespace FerOrleans.Reporting.Tests;

public sealed class MannWhitneyUTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<string> CaseNames()
    {
        TheoryData<string> names = [];
        foreach (MannWhitneyCase referenceCase in LoadCases())
        {
            names.Add(referenceCase.Name);
        }

        return names;
    }

    [Fact]
    public void ReferenceFile_Loads_HasCasesOfBothMethods()
    {
        IReadOnlyList<MannWhitneyCase> cases = LoadCases();

        Assert.NotEmpty(cases);
        Assert.Contains(cases, c => c.Method == "exact");
        Assert.Contains(cases, c => c.Method == "asymptotic");
        Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Test_ScipyCase_MatchesUPAndMethod(string name)
    {
        MannWhitneyCase expected = LoadCases().Single(c => c.Name == name);

        MannWhitneyResult actual = MannWhitneyU.Test(expected.X, expected.Y, ParseAlternative(expected.Alternative));

        Assert.True(Math.Abs(actual.U - expected.U) <= Tolerance, $"{name}: U = {actual.U:R}, scipy {expected.U:R}");
        Assert.True(Math.Abs(actual.P - expected.P) <= Tolerance, $"{name}: p = {actual.P:R}, scipy {expected.P:R}");
        Assert.Equal(expected.Method, actual.Method == MannWhitneyMethod.Exact ? "exact" : "asymptotic");
    }

    [Fact]
    public void Test_CompleteSeparationSmallSamples_GivesOneOverBinomial()
    {
        // Every x above every y: U = 3 * 4 = 12, and only 1 of C(7, 3) = 35 orderings is as extreme.
        MannWhitneyResult result = MannWhitneyU.Test([10, 11, 12], [1, 2, 3, 4], Alternative.Greater);

        Assert.Equal(12.0, result.U);
        Assert.Equal(1.0 / 35.0, result.P, 15);
        Assert.Equal(MannWhitneyMethod.Exact, result.Method);
    }

    [Fact]
    public void Test_LessIsGreaterWithSamplesSwapped()
    {
        double[] x = [0.71, 0.69, 0.74, 0.70];
        double[] y = [0.66, 0.73, 0.68, 0.67, 0.65];

        MannWhitneyResult less = MannWhitneyU.Test(y, x, Alternative.Less);
        MannWhitneyResult greater = MannWhitneyU.Test(x, y, Alternative.Greater);

        Assert.Equal(greater.P, less.P, 15);
        Assert.Equal(x.Length * y.Length - greater.U, less.U);
    }

    [Fact]
    public void Test_EqualSamplesTwoSided_ClipsPAtOne()
    {
        // U1 = U2 = 2 for these interleaved samples, so twice the upper tail exceeds 1 before clipping.
        MannWhitneyResult result = MannWhitneyU.Test([1, 4], [2, 3], Alternative.TwoSided);

        Assert.Equal(2.0, result.U);
        Assert.Equal(1.0, result.P);
    }

    [Fact]
    public void Test_AllValuesTied_GivesPOne()
    {
        MannWhitneyResult result = MannWhitneyU.Test([0.7, 0.7], [0.7, 0.7, 0.7], Alternative.Greater);

        Assert.Equal(3.0, result.U);
        Assert.Equal(1.0, result.P);
        Assert.Equal(MannWhitneyMethod.Asymptotic, result.Method);
    }

    [Fact]
    public void Test_EmptySample_Throws()
    {
        Assert.Throws<ArgumentException>(() => MannWhitneyU.Test([], [1.0], Alternative.Greater));
    }

    [Fact]
    public void Test_NaNValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => MannWhitneyU.Test([1.0, double.NaN], [1.0], Alternative.Greater));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(8, 20)]
    public void ExactCounts_AnySizes_SumToBinomialAndAreSymmetric(int m, int n)
    {
        double[] counts = MannWhitneyExactDistribution.Counts(m, n);

        Assert.Equal(m * n + 1, counts.Length);
        Assert.Equal(Binomial(m + n, m), counts.Sum());
        for (int k = 0; k < counts.Length; k++)
        {
            Assert.Equal(counts[k], counts[counts.Length - 1 - k]);
        }
    }

    [Fact]
    public void ExactCounts_TwoAndTwo_MatchEnumeration()
    {
        // The 6 orderings of {x, x, y, y} give U = 0, 1, 2, 2, 3, 4.
        Assert.Equal([1.0, 1.0, 2.0, 1.0, 1.0], MannWhitneyExactDistribution.Counts(2, 2));
    }

    private static double Binomial(int n, int k)
    {
        double result = 1.0;
        for (int i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return Math.Round(result);
    }

    private static Alternative ParseAlternative(string alternative) => alternative switch
    {
        "two-sided" => Alternative.TwoSided,
        "less" => Alternative.Less,
        "greater" => Alternative.Greater,
        _ => throw new InvalidDataException($"Unknown alternative '{alternative}' in the reference cases."),
    };

    internal static IReadOnlyList<MannWhitneyCase> LoadCases()
    {
        string path = ReferencePaths.MannWhitneyCases();
        using FileStream stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<MannWhitneyCase>>(stream)
            ?? throw new InvalidDataException($"{path} does not contain a JSON list of cases.");
    }
}
