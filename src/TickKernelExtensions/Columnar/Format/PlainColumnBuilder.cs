using System.Buffers;
using System.Runtime.InteropServices;

namespace TickKernelExtensions.Columnar.Format;

/// <summary>
/// A fixed-width column written PLAIN: values are copied into a page buffer as they arrive and a page
/// is encoded whenever <c>pageRows</c> values are buffered (about the configured page size). The page
/// buffer keeps <see cref="Prefix"/> free bytes in front of the values so that the definition levels
/// of a page without nulls can be written in place, right before the values, with no copy.
/// <code>
/// page buffer: [ .. free .. | len:4 | levels ][ values, little endian ........ ]
///              0                              Prefix
/// </code>
/// </summary>
internal abstract class PlainColumnBuilder<T> : ColumnChunkBuilder
    where T : unmanaged
{
    /// <summary>Room for a 4-byte length and one RLE run of up to 2^31 levels (5-byte varint + value).</summary>
    protected const int Prefix = 16;

    private byte[] _page;
    private int _pending;

    protected PlainColumnBuilder(string name, PhysicalType type, int pageRows, PageCodec codec, PooledBuffer compressedScratch)
        : base(name, type, codec, compressedScratch)
    {
        PageRows = pageRows;
        _page = ArrayPool<byte>.Shared.Rent(Prefix + (pageRows * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()));
    }

    protected int PageRows { get; }

    /// <summary>Buffers values, encoding full pages on the way.</summary>
    public void Append(ReadOnlySpan<T> values)
    {
        while (!values.IsEmpty)
        {
            var n = Math.Min(values.Length, PageRows - _pending);
            values[..n].CopyTo(PageValues(_pending, n));
            _pending += n;
            values = values[n..];
            if (_pending == PageRows)
            {
                Flush();
            }
        }
    }

    public override void FinishRowGroup(int rows)
    {
        if (_pending > 0)
        {
            Flush();
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        var page = _page;
        _page = [];
        if (page.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(page);
        }
    }

    /// <summary>
    /// Encodes one page. <paramref name="page"/> is the whole page buffer: <see cref="Prefix"/> free
    /// bytes, then <paramref name="count"/> values.
    /// </summary>
    protected abstract void EncodePage(Span<byte> page, int count);

    private Span<T> PageValues(int start, int count) =>
        MemoryMarshal.Cast<byte, T>(_page.AsSpan(Prefix)).Slice(start, count);

    private void Flush()
    {
        var count = _pending;
        _pending = 0;
        EncodePage(_page.AsSpan(0, Prefix + (count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>())), count);
        NumValues += count;
    }
}
