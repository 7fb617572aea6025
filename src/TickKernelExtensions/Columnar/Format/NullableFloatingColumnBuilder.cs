using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace TickKernelExtensions.Columnar.Format;

/// <summary>
/// An OPTIONAL DOUBLE or FLOAT column where NaN means null: a page holds definition levels (bit width
/// 1, RLE/bit-packed hybrid, 4-byte length prefix) then the present values PLAIN. A page without nulls
/// (the usual case) is one RLE run written in place before the values; a page with nulls is split into
/// levels and packed values in <paramref name="assemblyScratch"/>. No NaN is ever stored, so
/// <c>nan_count</c> is 0 and min/max are exact.
/// </summary>
internal sealed class NullableFloatingColumnBuilder<T>(
    string name, PhysicalType type, int pageRows, PageCodec codec, PooledBuffer compressedScratch, PooledBuffer assemblyScratch)
    : PlainColumnBuilder<T>(name, type, pageRows, codec, compressedScratch)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T _min = T.PositiveInfinity;
    private T _max = T.NegativeInfinity;
    private long _nulls;

    public override void Reset()
    {
        base.Reset();
        _min = T.PositiveInfinity;
        _max = T.NegativeInfinity;
        _nulls = 0;
    }

    protected override void EncodePage(Span<byte> page, int count)
    {
        var values = MemoryMarshal.Cast<byte, T>(page[Prefix..]);
        var nulls = ColumnKernels.ScanNullable<T>(values, out var min, out var max);
        _nulls += nulls;
        if (nulls < count)
        {
            _min = min < _min ? min : _min;
            _max = max > _max ? max : _max;
        }
        var stats = PageStatistics(nulls, count, min, max);
        var header = new PageHeader(PageType.DataPage, 0, 0, count) { Encoding = ParquetEncoding.Plain, Statistics = stats };
        if (nulls == 0)
        {
            var levels = RleBitPackedHybrid.RunLength(count);
            var start = Prefix - 4 - levels;
            BinaryPrimitives.WriteInt32LittleEndian(page[start..], levels);
            RleBitPackedHybrid.WriteRun(page[(start + 4)..], count, 1);
            AppendPage(header, page[start..]);
            return;
        }
        AppendPage(header, SplitNulls(values));
    }

    protected override Statistics ChunkStatistics()
    {
        if (NumValues == _nulls)
        {
            return new Statistics { NullCount = _nulls, NanCount = 0 };
        }
        var (min, max) = Bounds(_min, _max);
        // Signed order is the float's own order and no NaN is stored, so legacy min/max are right too.
        return new Statistics
        {
            Min = min, Max = max, MinValue = min, MaxValue = max, NullCount = _nulls, NanCount = 0,
            IsMinValueExact = true, IsMaxValueExact = true,
        };
    }

    private ReadOnlySpan<byte> SplitNulls(ReadOnlySpan<T> values)
    {
        var count = values.Length;
        var valueBytes = count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        var maxLevels = RleBitPackedHybrid.MaxEncodedLength(count);
        assemblyScratch.Clear();
        // Layout in the scratch: [levels, one byte each][len:4 | encoded levels | present values].
        var scratch = assemblyScratch.GetSpan(count + 4 + maxLevels + valueBytes);
        var levels = scratch[..count];
        var body = scratch[count..];
        var present = MemoryMarshal.Cast<byte, T>(body[(4 + maxLevels)..]);
        var n = ColumnKernels.SplitNulls(values, levels, present);
        var levelBytes = RleBitPackedHybrid.WriteLengthPrefixed(levels, body);
        var presentBytes = MemoryMarshal.AsBytes(present[..n]);
        presentBytes.CopyTo(body[levelBytes..]);
        return body[..(levelBytes + presentBytes.Length)];
    }

    private static Statistics PageStatistics(int nulls, int count, T min, T max)
    {
        if (nulls == count)
        {
            return new Statistics { NullCount = nulls, NanCount = 0 };
        }
        var (minBytes, maxBytes) = Bounds(min, max);
        return new Statistics { NullCount = nulls, MinValue = minBytes, MaxValue = maxBytes, NanCount = 0 };
    }

    /// <summary>The format's zero rule: a zero min is written -0.0 and a zero max +0.0, so either sign is covered.</summary>
    private static (byte[] Min, byte[] Max) Bounds(T min, T max)
    {
        if (T.IsZero(min))
        {
            min = T.NegativeZero;
        }
        if (T.IsZero(max))
        {
            max = T.Zero;
        }
        return (MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in min)).ToArray(), MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in max)).ToArray());
    }
}
