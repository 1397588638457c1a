namespace FerOrleans.Storage.Tests;

/// <summary>Deterministic test payloads.</summary>
internal static class TestContent
{
    /// <summary>Returns <paramref name="length"/> pseudo-random bytes, the same for the same seed.</summary>
    public static byte[] Bytes(int length, int seed = 1)
    {
        byte[] content = new byte[length];
        new Random(seed).NextBytes(content);
        return content;
    }
}
