using System.Text;

namespace TickKernelExtensions.Columnar.Format;

/// <summary>
/// Writes the Thrift compact protocol, the encoding of every Parquet footer and page header, into a
/// <see cref="PooledBuffer"/>. Only what Parquet metadata needs: structs, i16/i32/i64, bool, binary,
/// string and lists (no maps, sets or doubles).
/// <code>
/// field header:  [delta:4 | type:4]                 when 0 &lt; id - previousId &lt;= 15
///                [0000 | type:4] [zigzag varint id] otherwise
/// bool field:    the value is the type nibble itself (1 = true, 2 = false), no payload
/// i16/i32/i64:   zigzag, then unsigned LEB128 varint
/// binary:        [varint length] [bytes]
/// list header:   [size:4 | elemType:4] when size &lt; 15, else [1111 | elemType:4] [varint size]
/// struct:        fields ..., then a 0 byte (stop); field ids restart from 0 inside each struct
/// </code>
/// </summary>
internal sealed class ThriftCompactWriter
{
    private readonly PooledBuffer _buffer;
    private readonly Stack<short> _previousIds = new();
    private short _lastId;

    public ThriftCompactWriter(PooledBuffer buffer) => _buffer = buffer;

    /// <summary>Starts a struct: a top-level one, or a list element after <see cref="ListHeader"/>.</summary>
    public void BeginStruct()
    {
        _previousIds.Push(_lastId);
        _lastId = 0;
    }

    /// <summary>Writes the stop byte and returns to the enclosing struct's field ids.</summary>
    public void EndStruct()
    {
        _buffer.WriteByte((byte)ThriftType.Stop);
        _lastId = _previousIds.Pop();
    }

    /// <summary>A field holding a struct: write its fields next, then <see cref="EndStruct"/>.</summary>
    public void FieldStruct(short id)
    {
        FieldHeader(ThriftType.Struct, id);
        BeginStruct();
    }

    /// <summary>An empty struct field (Parquet's marker structs such as StringType or MicroSeconds).</summary>
    public void FieldEmptyStruct(short id)
    {
        FieldStruct(id);
        EndStruct();
    }

    public void FieldBool(short id, bool value) =>
        FieldHeader(value ? ThriftType.BooleanTrue : ThriftType.BooleanFalse, id);

    public void FieldI16(short id, short value)
    {
        FieldHeader(ThriftType.I16, id);
        WriteVarint(ZigZag(value));
    }

    public void FieldI32(short id, int value)
    {
        FieldHeader(ThriftType.I32, id);
        WriteVarint(ZigZag(value));
    }

    public void FieldI64(short id, long value)
    {
        FieldHeader(ThriftType.I64, id);
        WriteVarint(ZigZag(value));
    }

    public void FieldBinary(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(ThriftType.Binary, id);
        WriteBinary(value);
    }

    public void FieldString(short id, string value)
    {
        FieldHeader(ThriftType.Binary, id);
        WriteString(value);
    }

    /// <summary>A list field: write <paramref name="count"/> elements of <paramref name="elementType"/> next.</summary>
    public void FieldList(short id, ThriftType elementType, int count)
    {
        FieldHeader(ThriftType.List, id);
        ListHeader(elementType, count);
    }

    public void ListHeader(ThriftType elementType, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count < 15)
        {
            _buffer.WriteByte((byte)((count << 4) | (int)elementType));
        }
        else
        {
            _buffer.WriteByte((byte)(0xF0 | (int)elementType));
            WriteVarint((uint)count);
        }
    }

    /// <summary>A bare i32 (a list element).</summary>
    public void WriteI32(int value) => WriteVarint(ZigZag(value));

    /// <summary>A bare string (a list element).</summary>
    public void WriteString(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteVarint((uint)length);
        var span = _buffer.GetSpan(length);
        Encoding.UTF8.GetBytes(value, span);
        _buffer.Advance(length);
    }

    /// <summary>A bare binary (a list element).</summary>
    public void WriteBinary(ReadOnlySpan<byte> value)
    {
        WriteVarint((uint)value.Length);
        _buffer.Write(value);
    }

    private void FieldHeader(ThriftType type, short id)
    {
        var delta = id - _lastId;
        if (delta is > 0 and <= 15)
        {
            _buffer.WriteByte((byte)((delta << 4) | (int)type));
        }
        else
        {
            _buffer.WriteByte((byte)type);
            WriteVarint(ZigZag(id));
        }
        _lastId = id;
    }

    private void WriteVarint(ulong value)
    {
        var span = _buffer.GetSpan(10);
        var n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[n++] = (byte)value;
        _buffer.Advance(n);
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static uint ZigZag(int value) => (uint)((value << 1) ^ (value >> 31));
}
