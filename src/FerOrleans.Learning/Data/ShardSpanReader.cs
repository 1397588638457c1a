using System.Buffers.Binary;
using System.Text;

namespace FerOrleans.Learning.Data;

/// <summary>Sequential little-endian reads from a shard, failing with the shard named when bytes run out.</summary>
internal ref struct ShardSpanReader(ReadOnlySpan<byte> bytes, ShardContext context)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public readonly bool AtEnd => _position == _bytes.Length;

    public readonly int Remaining => _bytes.Length - _position;

    public ReadOnlySpan<byte> Take(int length)
    {
        if (length < 0 || length > Remaining)
        {
            throw context.Invalid(
                $"ends at byte {_bytes.Length}, but {length} more bytes are needed at byte {_position}");
        }
        var slice = _bytes.Slice(_position, length);
        _position += length;
        return slice;
    }

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    /// <summary>Reads an int32 byte length and that many UTF-8 bytes.</summary>
    public string String() => Encoding.UTF8.GetString(Take(Int32()));
}
