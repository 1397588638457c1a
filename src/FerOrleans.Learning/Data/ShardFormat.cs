using System.Buffers.Binary;
using System.Text;

namespace FerOrleans.Learning.Data;

/// <summary>Writes and reads one shard in the layout documented on <see cref="DatasetPacker"/>.</summary>
internal static class ShardFormat
{
    public const int Version = 1;

    public const int HeaderBytes = 16;

    /// <summary>"FERS" in ASCII.</summary>
    public static ReadOnlySpan<byte> Magic => "FERS"u8;

    /// <summary>Writes images [start, start + count) of <paramref name="data"/> as one shard.</summary>
    public static byte[] Write(FaceDataset data, int start, int count)
    {
        var pixelBytes = (long)count * data.PixelsPerImage;
        var subjectIds = Encode(data.SubjectIds, start, count);
        var imageIds = Encode(data.ImageIds, start, count);
        var length = HeaderBytes + pixelBytes + count
            + subjectIds.Sum(b => 4L + b.Length) + imageIds.Sum(b => 4L + b.Length);
        if (length > Array.MaxLength)
        {
            throw new ArgumentException(
                $"A shard of {count} images of data set '{data.Name}' would take {length} bytes, "
                + "more than an array holds. Use fewer images per shard.");
        }

        var shard = new byte[length];
        var span = shard.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], count);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], data.ImageSize);
        var position = HeaderBytes;
        data.Pixels.AsSpan((int)((long)start * data.PixelsPerImage), (int)pixelBytes).CopyTo(span[position..]);
        position += (int)pixelBytes;
        for (var i = 0; i < count; i++)
        {
            span[position++] = (byte)data.Labels[start + i];
        }
        position = WriteStrings(span, position, subjectIds);
        WriteStrings(span, position, imageIds);
        return shard;
    }

    /// <summary>
    /// Reads a shard into the output arrays at image <paramref name="firstImage"/>. The caller has checked the
    /// shard checksum; this checks the structure, so a shard written by a different program fails clearly.
    /// </summary>
    public static void Read(ReadOnlySpan<byte> shard, ShardContext context, int firstImage, int expectedCount)
    {
        var reader = new ShardSpanReader(shard, context);
        if (!reader.Take(4).SequenceEqual(Magic))
        {
            throw context.Invalid("does not start with the magic bytes 'FERS'");
        }
        var version = reader.Int32();
        if (version != Version)
        {
            throw context.Invalid($"has layout version {version}; this build reads version {Version}");
        }
        var count = reader.Int32();
        var size = reader.Int32();
        if (count != expectedCount || size != context.ImageSize)
        {
            var expectedSize = context.ImageSize;
            throw context.Invalid(
                $"holds {count} images of {size}x{size}; "
                + $"the manifest lists {expectedCount} of {expectedSize}x{expectedSize}");
        }

        var pixelsPerImage = size * size;
        reader.Take(count * pixelsPerImage).CopyTo(context.Pixels.AsSpan(firstImage * pixelsPerImage));
        ReadLabels(reader.Take(count), context, firstImage);
        for (var i = 0; i < count; i++)
        {
            context.SubjectIds[firstImage + i] = reader.String();
        }
        for (var i = 0; i < count; i++)
        {
            context.ImageIds[firstImage + i] = reader.String();
        }
        if (!reader.AtEnd)
        {
            throw context.Invalid($"has {reader.Remaining} bytes after the last image id");
        }
    }

    private static void ReadLabels(ReadOnlySpan<byte> labels, ShardContext context, int firstImage)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] > (byte)Emotion.Neutral)
            {
                throw context.Invalid($"has label id {labels[i]} at image {i}, outside 0-6");
            }
            context.Labels[firstImage + i] = (Emotion)labels[i];
        }
    }

    private static byte[][] Encode(string[] values, int start, int count) =>
        values.AsSpan(start, count).ToArray().Select(Encoding.UTF8.GetBytes).ToArray();

    private static int WriteStrings(Span<byte> span, int position, byte[][] values)
    {
        foreach (var value in values)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[position..], value.Length);
            position += 4;
            value.CopyTo(span[position..]);
            position += value.Length;
        }
        return position;
    }
}
