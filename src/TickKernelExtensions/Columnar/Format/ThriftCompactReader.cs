using System.Text;

namespace TickKernelExtensions.Columnar.Format;

/// <summary>
/// Reads the Thrift compact protocol (the encoding <see cref="ThriftCompactWriter"/> describes) from a byte span:
/// field headers, integers, binary, list headers, and skipping any value of any type, so that a reader can pick the
/// fields it knows out of a struct and pass over the rest. Malformed input (a varint past its ten bytes, a length
/// past the end, an unknown type, nesting deeper than <see cref="MaxDepth"/>) throws <see cref="FormatException"/>
/// with the byte offset; it never reads outside the span.
/// </summary>
internal ref struct ThriftCompactReader
{
    /// <summary>The deepest struct or container nesting <see cref="Skip(ThriftType)"/> follows (Parquet footers nest a few levels).</summary>
    public const int MaxDepth = 64;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ThriftCompactReader(ReadOnlySpan<byte> data) => _data = data;

    /// <summary>The offset of the next byte to read.</summary>
    public readonly int Position => _position;

    /// <summary>
    /// The next field header of the struct being read, given the previous field's id in it (0 at the struct's
    /// start); <see cref="ThriftType.Stop"/> ends the struct. A boolean field's value is its type.
    /// </summary>
    public (ThriftType Type, short Id) FieldHeader(short previousId)
    {
        var header = Byte();
        var type = (ThriftType)(header & 0x0F);
        if (type == ThriftType.Stop)
        {
            return (type, 0);
        }
        var delta = header >> 4;
        var id = delta != 0 ? (short)(previousId + delta) : checked((short)ZigZag(Varint()));
        return (type, id);
    }

    /// <summary>An i16, i32 or i64 value (zigzag varint), widened to long.</summary>
    public long Integer() => ZigZag(Varint());

    /// <summary>An i8 value (Thrift's byte type: one raw byte, not a varint).</summary>
    public sbyte Integer8() => unchecked((sbyte)Byte());

    /// <summary>An i32 value; one that does not fit throws.</summary>
    public int I32()
    {
        var start = _position;
        var value = Integer();
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Malformed($"an i32 out of range ({value})", start);
    }

    /// <summary>A binary value, as a span into the input.</summary>
    public ReadOnlySpan<byte> Binary()
    {
        var start = _position;
        var length = Varint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw Malformed($"a binary of {length} bytes with {_data.Length - _position} left", start);
        }
        var value = _data.Slice(_position, (int)length);
        _position += (int)length;
        return value;
    }

    /// <summary>A binary value decoded as UTF-8.</summary>
    public string String() => Encoding.UTF8.GetString(Binary());

    /// <summary>A list or set header: its size and element type.</summary>
    public (ThriftType ElementType, int Count) ListHeader()
    {
        var start = _position;
        var header = Byte();
        var count = (ulong)(header >> 4);
        if (count == 15)
        {
            count = Varint();
        }
        // Every element takes at least one byte, so a larger count is corrupt (and would make callers allocate for it).
        if (count > (ulong)(_data.Length - _position))
        {
            throw Malformed($"a list of {count} elements with {_data.Length - _position} bytes left", start);
        }
        return ((ThriftType)(header & 0x0F), (int)count);
    }

    /// <summary>Skips one value of <paramref name="type"/> (a whole struct, list, set or map included).</summary>
    public void Skip(ThriftType type) => Skip(type, 0, inList: false);

    private void Skip(ThriftType type, int depth, bool inList)
    {
        if (depth > MaxDepth)
        {
            throw Malformed($"nesting deeper than {MaxDepth}", _position);
        }
        switch (type)
        {
            case ThriftType.BooleanTrue or ThriftType.BooleanFalse:
                // A boolean field holds its value in the header; a boolean list element takes one byte.
                if (inList)
                {
                    Byte();
                }
                break;
            case ThriftType.Byte:
                Byte();
                break;
            case ThriftType.I16 or ThriftType.I32 or ThriftType.I64:
                Varint();
                break;
            case ThriftType.Double:
                Advance(8);
                break;
            case ThriftType.Binary:
                Binary();
                break;
            case ThriftType.List or ThriftType.Set:
                var (elementType, count) = ListHeader();
                for (var i = 0; i < count; i++)
                {
                    Skip(elementType, depth + 1, inList: true);
                }
                break;
            case ThriftType.Map:
                var start = _position;
                var size = Varint();
                if (size > (ulong)(_data.Length - _position))
                {
                    throw Malformed($"a map of {size} entries with {_data.Length - _position} bytes left", start);
                }
                if (size > 0)
                {
                    var types = Byte();
                    for (var i = 0UL; i < size; i++)
                    {
                        Skip((ThriftType)(types >> 4), depth + 1, inList: true);
                        Skip((ThriftType)(types & 0x0F), depth + 1, inList: true);
                    }
                }
                break;
            case ThriftType.Struct:
                short previous = 0;
                while (true)
                {
                    var (fieldType, id) = FieldHeader(previous);
                    if (fieldType == ThriftType.Stop)
                    {
                        break;
                    }
                    Skip(fieldType, depth + 1, inList: false);
                    previous = id;
                }
                break;
            default:
                throw Malformed($"unknown type {(int)type}", _position - 1);
        }
    }

    private byte Byte() =>
        _position < _data.Length ? _data[_position++] : throw Malformed("the data ends inside a value", _position);

    private void Advance(int count)
    {
        if (count > _data.Length - _position)
        {
            throw Malformed($"{count} bytes needed, {_data.Length - _position} left", _position);
        }
        _position += count;
    }

    private ulong Varint()
    {
        var start = _position;
        ulong value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
        throw Malformed("a varint longer than ten bytes", start);
    }

    private static long ZigZag(ulong n) => (long)(n >> 1) ^ -(long)(n & 1);

    private static FormatException Malformed(string what, int offset) =>
        new($"Malformed Thrift compact data at byte {offset}: {what}.");
}
