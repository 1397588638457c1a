using System.Buffers.Binary;
using System.Text;

namespace FerOrleans.Learning.Data;

/// <summary>Writes and reads one shard in the layout documented on <see cref="DatasetPacker"/>.</summary>
internal static class ShardFormat
{
    /// <summary>The layout written: version 2 adds the image metadata section after the image ids.</summary>
    public const int Version = 2;

    /// <summary>The oldest layout still read; its shards have no metadata section.</summary>
    public const int FirstReadableVersion = 1;

    public const int HeaderBytes = 16;

    /// <summary>Largest metadata column count a shard may declare; the readers of this build write at most 64.</summary>
    private const int MaxMetadataColumns = 256;

    /// <summary>"FERS" in ASCII.</summary>
    public static ReadOnlySpan<byte> Magic => "FERS"u8;

    /// <summary>Writes images [start, start + count) of <paramref name="data"/> as one shard.</summary>
    public static byte[] Write(FaceDataset data, int start, int count)
    {
        var pixelBytes = (long)count * data.PixelsPerImage;
        var subjectIds = Encode(data.SubjectIds, start, count);
        var imageIds = Encode(data.ImageIds, start, count);
        var metadata = EncodeMetadata(data.Metadata, start, count);
        var length = HeaderBytes + pixelBytes + count
            + subjectIds.Sum(b => 4L + b.Length) + imageIds.Sum(b => 4L + b.Length)
            + 4 + metadata.Sum(b => 4L + b.Length);
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
        position = WriteStrings(span, position, imageIds);
        var columnCount = data.Metadata?.Columns.Count ?? 0;
        BinaryPrimitives.WriteInt32LittleEndian(span[position..], columnCount);
        WriteStrings(span, position + 4, metadata);
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
        if (version < FirstReadableVersion || version > Version)
        {
            throw context.Invalid(
                $"has layout version {version}; this build reads versions {FirstReadableVersion}-{Version}");
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
        if (version >= 2)
        {
            ReadMetadata(ref reader, context, firstImage, count);
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

    /// <summary>Reads the metadata section: column count C, C names, then C x count values, column by column.</summary>
    private static void ReadMetadata(ref ShardSpanReader reader, ShardContext context, int firstImage, int count)
    {
        var columnCount = reader.Int32();
        if (columnCount < 0 || columnCount > MaxMetadataColumns)
        {
            throw context.Invalid($"declares {columnCount} metadata columns, outside 0-{MaxMetadataColumns}");
        }
        var names = new string[columnCount];
        for (var c = 0; c < columnCount; c++)
        {
            names[c] = reader.String();
        }
        var values = context.UseMetadataColumns(names);
        for (var c = 0; c < columnCount; c++)
        {
            for (var i = 0; i < count; i++)
            {
                values[c][firstImage + i] = reader.String();
            }
        }
    }

    /// <summary>Returns the column names followed by each column's values for images [start, start + count).</summary>
    private static byte[][] EncodeMetadata(ImageMetadata? metadata, int start, int count)
    {
        if (metadata is null)
        {
            return [];
        }
        var encoded = new List<byte[]>(metadata.Columns.Count * (count + 1));
        encoded.AddRange(metadata.Columns.Select(Encoding.UTF8.GetBytes));
        foreach (var column in metadata.Columns)
        {
            var values = metadata.Column(column);
            for (var i = start; i < start + count; i++)
            {
                encoded.Add(Encoding.UTF8.GetBytes(values[i]));
            }
        }
        return encoded.ToArray();
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
