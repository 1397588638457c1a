using FerOrleans.Learning.Training;

namespace FerOrleans.Learning.Tests;

public sealed class NativeHeapTests
{
    private static readonly string[] MallocVariables =
        ["MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_", "GLIBC_TUNABLES"];

    [Fact]
    public void Configure_NoVariables_SetsArenaThenThresholds()
    {
        var calls = new List<(int Parameter, int Value)>();

        var outcome = NativeHeap.Configure(_ => null, Recording(calls, result: 1));

        Assert.True(outcome.Applied);
        // glibc malloc.h: M_ARENA_MAX -8, M_MMAP_THRESHOLD -3, M_TRIM_THRESHOLD -1.
        Assert.Equal([(-8, 1), (-3, 1 << 30), (-1, int.MaxValue)], calls);
        Assert.StartsWith("native heap tuned: mmap threshold 1 GiB, trim threshold 2 GiB, 1 arena", outcome.Description);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("tuned")]
    public void Configure_TunedOrUnset_Applies(string? mode)
    {
        var calls = new List<(int Parameter, int Value)>();

        var outcome = NativeHeap.Configure(Variables((NativeHeap.ModeVariable, mode)), Recording(calls, result: 1));

        Assert.True(outcome.Applied);
        Assert.Equal(3, calls.Count);
    }

    [Fact]
    public void Configure_ModeDefault_LeavesGlibcAlone()
    {
        var calls = new List<(int Parameter, int Value)>();

        var outcome = NativeHeap.Configure(Variables((NativeHeap.ModeVariable, "default")), Recording(calls, result: 1));

        Assert.False(outcome.Applied);
        Assert.Empty(calls);
        Assert.Contains("FER_NATIVE_HEAP=default", outcome.Description);
    }

    [Theory]
    [MemberData(nameof(UserVariables))]
    public void Configure_UserMallocVariable_LeavesHeap(string variable)
    {
        var calls = new List<(int Parameter, int Value)>();

        var outcome = NativeHeap.Configure(Variables((variable, "1")), Recording(calls, result: 1));

        Assert.False(outcome.Applied);
        Assert.Empty(calls);
        Assert.Contains(variable, outcome.Description);
    }

    [Fact]
    public void Configure_UnknownMode_ThrowsNamingValue()
    {
        var error = Assert.Throws<FormatException>(
            () => NativeHeap.Configure(Variables((NativeHeap.ModeVariable, "fast")), Recording([], result: 1)));

        Assert.Contains("FER_NATIVE_HEAP='fast'", error.Message);
        Assert.Contains("tuned", error.Message);
        Assert.Contains("default", error.Message);
    }

    [Fact]
    public void Configure_MalloptRejects_NamesSetting()
    {
        var outcome = NativeHeap.Configure(_ => null, (parameter, _) => parameter == -3 ? 0 : 1);

        Assert.False(outcome.Applied);
        Assert.Equal("native heap not tuned: mallopt rejected M_MMAP_THRESHOLD", outcome.Description);
    }

    [Fact]
    public void Configure_NoMallopt_NotApplied()
    {
        var outcome = NativeHeap.Configure(_ => null, mallopt: null);

        Assert.False(outcome.Applied);
        Assert.Contains("no mallopt", outcome.Description);
    }

    [Fact]
    public void AsEnvironment_GivesAChildTheSameSettings()
    {
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["MALLOC_ARENA_MAX"] = "1",
                ["MALLOC_MMAP_THRESHOLD_"] = "1073741824",
                ["MALLOC_TRIM_THRESHOLD_"] = "2147483647",
            },
            NativeHeap.AsEnvironment);
    }

    [Fact]
    public void Configure_RealGlibc_AcceptsEverySetting()
    {
        if (!OperatingSystem.IsLinux()
            || Environment.GetEnvironmentVariable(NativeHeap.ModeVariable) is not null
            || MallocVariables.Any(name => Environment.GetEnvironmentVariable(name) is not null))
        {
            return;
        }

        var outcome = NativeHeap.Configure();

        Assert.True(outcome.Applied, outcome.Description);
        Assert.Same(outcome, NativeHeap.Configure());
    }

    public static TheoryData<string> UserVariables() => new(MallocVariables);

    private static Func<string, string?> Variables(params (string Name, string? Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    private static Func<int, int, int> Recording(List<(int Parameter, int Value)> calls, int result) =>
        (parameter, value) =>
        {
            calls.Add((parameter, value));
            return result;
        };
}
