using System.Buffers.Binary;

namespace TickKernelExtensions.Columnar.Format;

/// <summary>
/// Parquet's RLE/bit-packed hybrid encoding at bit width 1: definition levels of the optional columns
/// (1 = value present, 0 = null) and the all-zero dictionary indices of the symbol column.
/// <code>
/// run       := rle-run | bit-packed-run
/// rle-run   := varint(count &lt;&lt; 1)        [1 byte value]
/// bp-run    := varint(groups &lt;&lt; 1 | 1)  [groups bytes, 8 values each, least significant bit first]
/// </code>
/// Only the last group of the data may be padded (with zeros); readers stop at the page's value count.
/// </summary>
internal static class RleBitPackedHybrid
{
    /// <summary>
    /// Most bytes <see cref="Encode"/> writes for <paramref name="count"/> levels: every 8 values cost at
    /// most 2 bytes (an RLE run of 8 to 63 values, or a bit-packed group with its own header), plus slack
    /// for one long run's wider header and a padded last group.
    /// </summary>
    public static int MaxEncodedLength(int count) => (count / 4) + 16;

    /// <summary>Bytes of a single RLE run of <paramref name="count"/> values.</summary>
    public static int RunLength(int count) => VarintLength((uint)count << 1) + 1;

    /// <summary>Writes one RLE run: <paramref name="count"/> repeats of <paramref name="value"/> (0 or 1).</summary>
    public static int WriteRun(Span<byte> destination, int count, byte value)
    {
        var n = WriteVarint(destination, (uint)count << 1);
        destination[n++] = value;
        return n;
    }

    /// <summary>
    /// Encodes levels (one byte each, 0 or 1): runs of 8 or more equal values become RLE runs, the rest
    /// bit-packed groups of 8 (at most 63 groups per run, so every header is one byte).
    /// </summary>
    public static int Encode(ReadOnlySpan<byte> levels, Span<byte> destination)
    {
        var written = 0;
        var i = 0;
        while (i < levels.Length)
        {
            var run = RunAt(levels, i);
            if (run >= 8)
            {
                written += WriteRun(destination[written..], run, levels[i]);
                i += run;
                continue;
            }
            var header = written++;
            var groups = 0;
            do
            {
                byte packed = 0;
                for (var bit = 0; bit < 8 && i + bit < levels.Length; bit++)
                {
                    packed |= (byte)((levels[i + bit] & 1) << bit);
                }
                destination[written++] = packed;
                i += 8;
                groups++;
            }
            while (i < levels.Length && groups < 63 && RunAt(levels, i) < 8);
            destination[header] = (byte)((groups << 1) | 1);
        }
        return written;
    }

    /// <summary>
    /// Writes a v1 data page's definition levels: a 4-byte little-endian length, then the encoded levels.
    /// </summary>
    public static int WriteLengthPrefixed(ReadOnlySpan<byte> levels, Span<byte> destination)
    {
        var length = Encode(levels, destination[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(destination, length);
        return length + 4;
    }

    private static int RunAt(ReadOnlySpan<byte> levels, int start)
    {
        var rest = levels[start..];
        var end = rest.IndexOfAnyExcept(rest[0]);
        return end < 0 ? rest.Length : end;
    }

    private static int WriteVarint(Span<byte> destination, uint value)
    {
        var n = 0;
        while (value >= 0x80)
        {
            destination[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        destination[n++] = (byte)value;
        return n;
    }

    private static int VarintLength(uint value)
    {
        var n = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            n++;
        }
        return n;
    }
}
