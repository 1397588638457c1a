using System.Runtime.InteropServices;

namespace FerOrleans.Learning.Training;

/// <summary>
/// Sets glibc malloc, which allocates every libtorch CPU tensor, to keep freed tensor memory for reuse.
/// </summary>
/// <remarks>
/// With glibc's defaults, a training step's larger activations (9 MiB each at the CIFAR stem and
/// width 16, 38 MiB at width 64) are mapped fresh and given back at every step. The next step then
/// faults in and zeroes the same pages again, a cost docs/benchmarks.md measures. Nothing here
/// changes results, only where memory comes from. The price is that the process keeps its peak heap
/// instead of returning it between steps.
/// </remarks>
public static class NativeHeap
{
    /// <summary>The environment variable of the mode: <c>tuned</c> (the default) applies the settings, and <c>default</c> leaves glibc's own.</summary>
    public const string ModeVariable = "FER_NATIVE_HEAP";

    /// <summary>Allocations below 1 GiB come from the heap instead of a fresh mapping each time.</summary>
    public const int MmapThresholdBytes = 1 << 30;

    /// <summary>Free memory at the top of the heap stays mapped up to 2 GiB (int.MaxValue bytes, mallopt's limit).</summary>
    public const int TrimThresholdBytes = int.MaxValue;

    /// <summary>
    /// One arena for every thread. A thread's own arena grows in heaps of at most 64 MiB and returns
    /// memory by its own rules, so a training thread with its own arena keeps only part of the gain.
    /// </summary>
    public const int ArenaCount = 1;

    /// <summary>
    /// Each setting once: its mallopt parameter (glibc's malloc.h numbers), its value and the environment
    /// variable that sets it from outside.
    /// </summary>
    private static readonly HeapSetting[] Settings =
    [
        new("M_ARENA_MAX", -8, ArenaCount, "MALLOC_ARENA_MAX"),
        new("M_MMAP_THRESHOLD", -3, MmapThresholdBytes, "MALLOC_MMAP_THRESHOLD_"),
        new("M_TRIM_THRESHOLD", -1, TrimThresholdBytes, "MALLOC_TRIM_THRESHOLD_"),
    ];

    /// <summary>Variables that set glibc malloc from outside. Any of them leaves the heap as the user set it.</summary>
    private static readonly string[] UserSettings =
        [.. Settings.Select(setting => setting.Variable), "MALLOC_TOP_PAD_", "GLIBC_TUNABLES"];

    private static readonly Lock Gate = new();
    private static NativeHeapOutcome? outcome;

    /// <summary>The same settings as environment variables, for a child process such as the PyTorch peer.</summary>
    public static IReadOnlyDictionary<string, string> AsEnvironment { get; } = Settings.ToDictionary(
        setting => setting.Variable,
        setting => setting.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Applies the settings once per process, from the process environment, with glibc's mallopt.
    /// Call it first thing in Main, because threads that allocated before keep their own arenas.
    /// </summary>
    /// <exception cref="FormatException"><see cref="ModeVariable"/> has a value other than tuned or default.</exception>
    public static NativeHeapOutcome Configure()
    {
        lock (Gate)
        {
            return outcome ??= Configure(Environment.GetEnvironmentVariable, GlibcMallopt());
        }
    }

    /// <summary>
    /// Applies the settings through <paramref name="mallopt"/>, which is null where the C library has none.
    /// <paramref name="environment"/> reads a variable.
    /// </summary>
    /// <exception cref="FormatException"><see cref="ModeVariable"/> has a value other than tuned or default.</exception>
    public static NativeHeapOutcome Configure(Func<string, string?> environment, Func<int, int, int>? mallopt)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var mode = environment(ModeVariable);
        if (string.Equals(mode, "default", StringComparison.Ordinal))
        {
            return NativeHeapOutcome.Left($"glibc's defaults kept ({ModeVariable}=default)");
        }

        if (mode is not null && !string.Equals(mode, "tuned", StringComparison.Ordinal))
        {
            throw new FormatException(
                $"{ModeVariable}='{mode}' is not a heap mode; use tuned (the default) or default (glibc's own settings).");
        }

        if (UserSettings.FirstOrDefault(name => environment(name) is not null) is { } userSetting)
        {
            return NativeHeapOutcome.Left($"the heap is left as {userSetting} sets it");
        }

        if (mallopt is null)
        {
            return NativeHeapOutcome.Left("the C library has no mallopt (not glibc)");
        }

        var rejected = Settings.Where(setting => mallopt(setting.Parameter, setting.Value) != 1).ToArray();
        return rejected.Length == 0
            ? NativeHeapOutcome.Tuned(
                $"mmap threshold {MmapThresholdBytes >> 30} GiB, trim threshold {(TrimThresholdBytes + 1L) >> 30} GiB, "
                + $"{ArenaCount} arena ({ModeVariable}=default keeps glibc's)")
            : NativeHeapOutcome.Left("mallopt rejected " + string.Join(", ", rejected.Select(setting => setting.Name)));
    }

    private static Func<int, int, int>? GlibcMallopt()
    {
        if (!OperatingSystem.IsLinux()
            || !NativeLibrary.TryLoad("libc.so.6", out var libc)
            || !NativeLibrary.TryGetExport(libc, "mallopt", out _))
        {
            return null;
        }

        return Mallopt;
    }

    /// <summary>One mallopt setting and the environment variable that sets it from outside.</summary>
    private sealed record HeapSetting(string Name, int Parameter, int Value, string Variable);

    // DllImport, not LibraryImport: the generated stub needs unsafe code, and two ints marshal as they are.
    [DllImport("libc.so.6", EntryPoint = "mallopt")]
    private static extern int Mallopt(int parameter, int value);
}

/// <summary>What <see cref="NativeHeap.Configure()"/> did: <paramref name="Applied"/> and a line for the log.</summary>
public sealed record NativeHeapOutcome(bool Applied, string Description)
{
    internal static NativeHeapOutcome Tuned(string description) => new(true, "native heap tuned: " + description);

    internal static NativeHeapOutcome Left(string description) => new(false, "native heap not tuned: " + description);
}
