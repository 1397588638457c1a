using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FerOrleans.Learning.Evaluation;

/// <summary>
/// Writes and reads NumPy <c>.npy</c> files (format version 1.0) of little-endian float32 in C order, which
/// <c>numpy.load</c> reads as an array of dtype <c>&lt;f4</c>.
/// </summary>
/// <remarks>
/// Layout: the 6 bytes <c>\x93NUMPY</c>, the version bytes 1 and 0, a little-endian uint16 header length, then an
/// ASCII header such as <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (3, 48, 48), }</c> padded with
/// spaces and ended by a newline so that the data starts at a multiple of 64 bytes, then the values.
/// </remarks>
public static partial class NpyFile
{
    private const int Alignment = 64;
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Writes <paramref name="values"/> with <paramref name="shape"/> as a float32 array to <paramref name="path"/>.</summary>
    public static void WriteFloat32(string path, ReadOnlySpan<float> values, IReadOnlyList<int> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var count = shape.Aggregate(1L, (product, dimension) => product * dimension);
        if (shape.Any(d => d < 0) || count != values.Length)
        {
            throw new ArgumentException(
                $"Shape ({string.Join(", ", shape)}) does not hold {values.Length} values.", nameof(shape));
        }

        using var stream = File.Create(path);
        stream.Write(Header(shape));
        var buffer = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(i * sizeof(float)), values[i]);
        }

        stream.Write(buffer);
    }

    /// <summary>Reads a float32 C-order file written by <see cref="WriteFloat32"/> or by NumPy.</summary>
    /// <exception cref="InvalidDataException">The file is not a version 1.0 .npy of little-endian float32 in C order.</exception>
    public static (float[] Values, int[] Shape) ReadFloat32(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 10 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic) || bytes[6] != 1 || bytes[7] != 0)
        {
            throw new InvalidDataException($"'{path}' is not a NumPy .npy file of format version 1.0.");
        }

        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        var header = Encoding.ASCII.GetString(bytes, 10, Math.Min(headerLength, bytes.Length - 10));
        if (!header.Contains("'descr': '<f4'", StringComparison.Ordinal)
            || !header.Contains("'fortran_order': False", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"'{path}' has header {header.Trim()}; expected little-endian float32 in C order.");
        }

        var shape = ParseShape(header, path);
        var offset = 10 + headerLength;
        var count = shape.Aggregate(1L, (product, dimension) => product * dimension);
        if (bytes.Length - offset != count * sizeof(float))
        {
            throw new InvalidDataException(
                $"'{path}' has {bytes.Length - offset} data bytes; shape ({string.Join(", ", shape)}) needs {count * sizeof(float)}.");
        }

        var values = new float[count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(offset + i * sizeof(float)));
        }

        return (values, shape);
    }

    private static byte[] Header(IReadOnlyList<int> shape)
    {
        var dimensions = shape.Count == 1
            ? $"{shape[0].ToString(CultureInfo.InvariantCulture)},"
            : string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        var text = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({dimensions}), }}";

        // Magic, version and length take 10 bytes; spaces pad the header so that header + newline end on the alignment.
        var padding = (Alignment - (10 + text.Length + 1) % Alignment) % Alignment;
        text = text + new string(' ', padding) + "\n";
        var header = new byte[10 + text.Length];
        Magic.CopyTo(header, 0);
        header[6] = 1;
        header[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), checked((ushort)text.Length));
        Encoding.ASCII.GetBytes(text, header.AsSpan(10));
        return header;
    }

    private static int[] ParseShape(string header, string path)
    {
        var match = ShapePattern().Match(header);
        if (!match.Success)
        {
            throw new InvalidDataException($"'{path}' has no readable shape in header {header.Trim()}.");
        }

        return match.Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.Parse(d, NumberStyles.None, CultureInfo.InvariantCulture))
            .ToArray();
    }

    [GeneratedRegex(@"'shape':\s*\(([0-9,\s]*)\)")]
    private static partial Regex ShapePattern();
}
