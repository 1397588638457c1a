namespace FerOrleans.Learning.Augmentation;

/// <summary>
/// A seeded pseudo-random number generator (SplitMix64) whose streams are derived from a run seed
/// and a key such as (phase, purpose, epoch, step, slot).
/// </summary>
/// <remarks>
/// Each view of each batch gets its own stream, so the numbers one view draws never depend on
/// how many numbers other views drew or on the order in which threads run. The same seed and
/// key give the same sequence on every machine; the floating-point work done with the numbers
/// (crop sizes use <see cref="Math.Sqrt"/> and <see cref="Math.Exp"/>) may differ in the last bit
/// across platforms. Instances are not thread-safe: use one stream per thread.
/// </remarks>
public sealed class RandomStream
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    private ulong state;

    public RandomStream(ulong seed)
    {
        state = seed;
    }

    /// <summary>Creates the stream of <paramref name="seed"/> for one key; distinct keys give independent streams.</summary>
    public static RandomStream Derive(long seed, params ReadOnlySpan<long> key)
    {
        var hash = Mix((ulong)seed + GoldenGamma);
        foreach (var part in key)
        {
            hash = Mix(hash ^ Mix((ulong)part + GoldenGamma));
        }

        return new RandomStream(hash);
    }

    public ulong NextUInt64()
    {
        state += GoldenGamma;
        return Mix(state);
    }

    /// <summary>A double drawn uniformly from [0, 1), with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A double drawn uniformly from [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double NextDouble(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool NextBoolean(double probability) => NextDouble() < probability;

    /// <summary>An integer drawn uniformly from [0, <paramref name="maxExclusive"/>), without modulo bias.</summary>
    public int NextInt32(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxExclusive, 1);

        // Lemire's multiply-shift method: reject the few low products that would favour small results.
        var range = (ulong)maxExclusive;
        var threshold = (0UL - range) % range;
        while (true)
        {
            var product = Math.BigMul(NextUInt64(), range, out var low);
            if (low >= threshold)
            {
                return (int)product;
            }
        }
    }

    /// <summary>An integer drawn uniformly from [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int NextInt32(int min, int maxExclusive) => min + NextInt32(maxExclusive - min);

    /// <summary>A standard normal deviate (Box-Muller; one of the pair is discarded to keep the stream stateless).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Shuffles <paramref name="values"/> in place (Fisher-Yates).</summary>
    public void Shuffle(Span<int> values)
    {
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = NextInt32(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
