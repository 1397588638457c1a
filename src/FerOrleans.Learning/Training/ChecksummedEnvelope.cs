using System.Buffers.Binary;
using System.Security.Cryptography;

namespace FerOrleans.Learning.Training;

/// <summary>
/// A binary container for checkpoints and saved models: an 8-byte magic, a format version, a
/// sequence number, the payload length, the SHA-256 of version, sequence and payload, then the
/// payload. Integers are little-endian.
/// </summary>
internal static class ChecksummedEnvelope
{
    private const int MagicLength = 8;
    private const int HeaderLength = MagicLength + 4 + 8 + 8 + SHA256.HashSizeInBytes;

    /// <summary>Returns the envelope of <paramref name="payload"/>.</summary>
    public static byte[] Seal(ReadOnlySpan<byte> magic, int version, long sequence, ReadOnlySpan<byte> payload)
    {
        CheckMagic(magic);
        var bytes = new byte[HeaderLength + payload.Length];
        magic.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(MagicLength), version);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(MagicLength + 4), sequence);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(MagicLength + 12), payload.Length);
        payload.CopyTo(bytes.AsSpan(HeaderLength));
        Hash(bytes, bytes.AsSpan(MagicLength + 20, SHA256.HashSizeInBytes));
        return bytes;
    }

    /// <summary>
    /// Checks magic, length and checksum and returns version, sequence and payload. Throws
    /// <see cref="InvalidDataException"/> starting with <paramref name="description"/> otherwise.
    /// </summary>
    public static (int Version, long Sequence, byte[] Payload) Open(byte[] bytes, ReadOnlySpan<byte> magic, string description)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        CheckMagic(magic);
        if (bytes.Length < HeaderLength)
        {
            throw new InvalidDataException(
                $"{description} is invalid: it has {bytes.Length} bytes, fewer than the {HeaderLength}-byte header.");
        }

        if (!bytes.AsSpan(0, MagicLength).SequenceEqual(magic))
        {
            throw new InvalidDataException(
                $"{description} is invalid: it does not start with the '{System.Text.Encoding.ASCII.GetString(magic)}' marker.");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(MagicLength));
        var sequence = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(MagicLength + 4));
        var length = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(MagicLength + 12));
        if (length != bytes.Length - HeaderLength)
        {
            throw new InvalidDataException(
                $"{description} (sequence {sequence}) is invalid: its header announces {length} payload bytes "
                + $"but {bytes.Length - HeaderLength} follow; the data is truncated or corrupted.");
        }

        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(bytes, actual);
        if (!CryptographicOperations.FixedTimeEquals(actual, bytes.AsSpan(MagicLength + 20, SHA256.HashSizeInBytes)))
        {
            throw new InvalidDataException(
                $"{description} (sequence {sequence}) failed its SHA-256 check; the data is corrupted.");
        }

        return (version, sequence, bytes.AsSpan(HeaderLength).ToArray());
    }

    /// <summary>Hashes version, sequence, length and payload: everything after the magic except the hash itself.</summary>
    private static void Hash(byte[] bytes, Span<byte> destination)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(bytes, MagicLength, 20);
        hash.AppendData(bytes, HeaderLength, bytes.Length - HeaderLength);
        hash.GetHashAndReset(destination);
    }

    private static void CheckMagic(ReadOnlySpan<byte> magic)
    {
        if (magic.Length != MagicLength)
        {
            throw new ArgumentException($"The magic must be {MagicLength} bytes; got {magic.Length}.", nameof(magic));
        }
    }
}
