using System.Runtime.InteropServices;

namespace TickKernelExtensions.Columnar.Format;

/// <summary>The required INT64 timestamp column: PLAIN values, no definition levels.</summary>
internal sealed class TimestampColumnBuilder(string name, int pageRows, PageCodec codec, PooledBuffer compressedScratch)
    : PlainColumnBuilder<long>(name, PhysicalType.Int64, pageRows, codec, compressedScratch)
{
    private long _min = long.MaxValue;
    private long _max = long.MinValue;

    public override void Reset()
    {
        base.Reset();
        _min = long.MaxValue;
        _max = long.MinValue;
    }

    protected override void EncodePage(Span<byte> page, int count)
    {
        var body = page[Prefix..];
        ColumnKernels.MinMax(MemoryMarshal.Cast<byte, long>(body), out var min, out var max);
        _min = Math.Min(_min, min);
        _max = Math.Max(_max, max);
        var stats = new Statistics { NullCount = 0, MinValue = Bytes(min), MaxValue = Bytes(max) };
        AppendPage(new PageHeader(PageType.DataPage, 0, 0, count) { Encoding = ParquetEncoding.Plain, Statistics = stats }, body);
    }

    protected override Statistics ChunkStatistics()
    {
        if (NumValues == 0)
        {
            return new Statistics { NullCount = 0 };
        }
        var min = Bytes(_min);
        var max = Bytes(_max);
        // Signed order is INT64's own order, so the legacy min/max fields are right too.
        return new Statistics
        {
            Min = min, Max = max, MinValue = min, MaxValue = max, NullCount = 0,
            IsMinValueExact = true, IsMaxValueExact = true,
        };
    }

    private static byte[] Bytes(long value) => BitConverter.GetBytes(value);
}
