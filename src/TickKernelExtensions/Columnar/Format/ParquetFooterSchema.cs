using System.Buffers;
using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace TickKernelExtensions.Columnar.Format;

/// <summary>One element of a Parquet file's schema, as the footer lists it (the root first, then depth first).</summary>
/// <param name="Name">The element's name.</param>
/// <param name="FieldId">Its <c>field_id</c>, which Iceberg writers set on every column; null when absent.</param>
/// <param name="Children">Its number of children (0 for a leaf).</param>
/// <param name="DuckDbType">
/// For a top-level primitive column of a common type, the type DuckDB's <c>read_parquet</c> gives it (BOOLEAN,
/// INTEGER, BIGINT, FLOAT, DOUBLE, VARCHAR, DATE, TIMESTAMP, TIMESTAMPTZ); null for anything else (groups, repeated
/// fields, decimals, INT96, unsigned or narrow integers, times, binaries), which readers must not assume.
/// </param>
internal readonly record struct ParquetSchemaNode(string Name, int? FieldId, int Children, string? DuckDbType = null);

/// <summary>
/// Reads the schema out of a Parquet file's footer (<c>FileMetaData.schema</c>: names, child counts and field ids)
/// with two positioned reads and no other parsing: the footer's length from the file's last eight bytes, then the
/// footer, of which only the fields up to the schema are decoded. This is what SQL planning needs to map columns by
/// field id, at a small fraction of the cost of asking DuckDB's <c>parquet_schema()</c>.
/// </summary>
internal static class ParquetFooterSchema
{
    private const int Magic = 0x31524150; // "PAR1", little-endian
    private const int EncryptedMagic = 0x45524150; // "PARE"

    /// <summary>The schema elements of the Parquet file at <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">Not a Parquet file, truncated, an encrypted footer, or a malformed schema; the message names the file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static List<ParquetSchemaNode> Read(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = RandomAccess.GetLength(handle);
        Span<byte> tail = stackalloc byte[8];
        if (length < 12 || RandomAccess.Read(handle, tail, length - 8) != 8)
        {
            throw Bad(path, $"{length} bytes is too short for a Parquet file (at least 12: magic, footer length, magic)");
        }
        var magic = BinaryPrimitives.ReadInt32LittleEndian(tail[4..]);
        if (magic == EncryptedMagic)
        {
            throw Bad(path, "the footer is encrypted (PARE), which is not supported");
        }
        if (magic != Magic)
        {
            throw Bad(path, $"the file does not end with the magic PAR1 (found 0x{magic:X8})");
        }
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footerLength <= 0 || footerLength > length - 12)
        {
            throw Bad(path, $"the footer length {footerLength} does not fit in a file of {length} bytes");
        }
        var buffer = ArrayPool<byte>.Shared.Rent(footerLength);
        try
        {
            var footer = buffer.AsSpan(0, footerLength);
            ReadExactly(handle, footer, length - 8 - footerLength, path);
            return Parse(footer, path);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The top-level columns of a schema as <see cref="Read"/> lists it: the root's children, found by walking the child counts.</summary>
    public static List<ParquetSchemaNode> TopLevel(IReadOnlyList<ParquetSchemaNode> nodes)
    {
        var topLevel = new List<ParquetSchemaNode>();
        var index = 1;
        var rootChildren = nodes.Count == 0 ? 0 : nodes[0].Children;
        for (var c = 0; c < rootChildren && index < nodes.Count; c++)
        {
            topLevel.Add(nodes[index]);
            index = Skip(nodes, index);
        }
        return topLevel;

        static int Skip(IReadOnlyList<ParquetSchemaNode> nodes, int index)
        {
            var children = nodes[index].Children;
            index++;
            for (var i = 0; i < children && index < nodes.Count; i++)
            {
                index = Skip(nodes, index);
            }
            return index;
        }
    }

    /// <summary>The schema elements of a serialised <c>FileMetaData</c>.</summary>
    internal static List<ParquetSchemaNode> Parse(ReadOnlySpan<byte> footer, string path)
    {
        try
        {
            var reader = new ThriftCompactReader(footer);
            short previous = 0;
            while (true)
            {
                var (type, id) = reader.FieldHeader(previous);
                if (type == ThriftType.Stop)
                {
                    throw Bad(path, "the footer has no schema");
                }
                if (id == 2 && type == ThriftType.List)
                {
                    // The rest of the footer (row groups, key-value metadata) is not needed.
                    return Schema(ref reader, path);
                }
                reader.Skip(type);
                previous = id;
            }
        }
        catch (FormatException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw Bad(path, e.Message.TrimEnd('.'), e);
        }
    }

    private static List<ParquetSchemaNode> Schema(ref ThriftCompactReader reader, string path)
    {
        var (elementType, count) = reader.ListHeader();
        if (elementType != ThriftType.Struct)
        {
            throw Bad(path, $"the schema is a list of type {(int)elementType}, not of structs");
        }
        var nodes = new List<ParquetSchemaNode>(count);
        for (var i = 0; i < count; i++)
        {
            string? name = null;
            int? fieldId = null;
            var children = 0;
            int? physical = null, repetition = null, converted = null;
            var logical = Logical.None;
            short previous = 0;
            while (true)
            {
                var (type, id) = reader.FieldHeader(previous);
                if (type == ThriftType.Stop)
                {
                    break;
                }
                switch (id)
                {
                    case 1 when type == ThriftType.I32:
                        physical = reader.I32();
                        break;
                    case 3 when type == ThriftType.I32:
                        repetition = reader.I32();
                        break;
                    case 4 when type == ThriftType.Binary:
                        name = reader.String();
                        break;
                    case 5 when type == ThriftType.I32:
                        children = reader.I32();
                        break;
                    case 6 when type == ThriftType.I32:
                        converted = reader.I32();
                        break;
                    case 9 when type == ThriftType.I32:
                        fieldId = reader.I32();
                        break;
                    case 10 when type == ThriftType.Struct:
                        logical = LogicalOf(ref reader);
                        break;
                    default:
                        reader.Skip(type);
                        break;
                }
                previous = id;
            }
            var duckDbType = children == 0 && repetition != (int)Repetition.Repeated ? DuckDbTypeOf(physical, converted, logical) : null;
            nodes.Add(new ParquetSchemaNode(name ?? throw Bad(path, $"schema element {i} has no name"), fieldId, children, duckDbType));
        }
        return nodes;
    }

    // The logical type annotations DuckDbTypeOf tells apart; every other one (and a malformed one) is Other.
    private enum Logical
    {
        None,
        String,
        Date,
        TimestampMicrosUtc,
        TimestampMicrosLocal,
        SignedInt32,
        SignedInt64,
        Other,
    }

    // LogicalType is a union (one field set): 1 STRING, 6 DATE, 8 TIMESTAMP {1: isAdjustedToUTC, 2: unit union
    // {1 MILLIS, 2 MICROS, 3 NANOS}}, 10 INTEGER {1: bitWidth (i8), 2: isSigned}.
    private static Logical LogicalOf(ref ThriftCompactReader reader)
    {
        var result = Logical.Other;
        short previous = 0;
        while (true)
        {
            var (type, id) = reader.FieldHeader(previous);
            if (type == ThriftType.Stop)
            {
                return result;
            }
            result = (id, type) switch
            {
                (1, ThriftType.Struct) => Logical.String,
                (6, ThriftType.Struct) => Logical.Date,
                (8, ThriftType.Struct) => Timestamp(ref reader),
                (10, ThriftType.Struct) => Integer(ref reader),
                _ => Logical.Other,
            };
            if (id is not (8 or 10) || type != ThriftType.Struct)
            {
                reader.Skip(type);
            }
            previous = id;
        }
    }

    private static Logical Timestamp(ref ThriftCompactReader reader)
    {
        bool? utc = null;
        var micros = false;
        short previous = 0;
        while (true)
        {
            var (type, id) = reader.FieldHeader(previous);
            if (type == ThriftType.Stop)
            {
                break;
            }
            if (id == 1 && type is ThriftType.BooleanTrue or ThriftType.BooleanFalse)
            {
                utc = type == ThriftType.BooleanTrue;
            }
            else if (id == 2 && type == ThriftType.Struct)
            {
                var (unitType, unit) = reader.FieldHeader(0);
                micros = unit == 2 && unitType == ThriftType.Struct;
                if (unitType != ThriftType.Stop)
                {
                    reader.Skip(unitType);
                    reader.Skip(ThriftType.Struct); // the rest of the unit union, up to its stop
                }
            }
            else
            {
                reader.Skip(type);
            }
            previous = id;
        }
        return !micros || utc is null ? Logical.Other : utc.Value ? Logical.TimestampMicrosUtc : Logical.TimestampMicrosLocal;
    }

    private static Logical Integer(ref ThriftCompactReader reader)
    {
        long? width = null;
        bool? signed = null;
        short previous = 0;
        while (true)
        {
            var (type, id) = reader.FieldHeader(previous);
            if (type == ThriftType.Stop)
            {
                break;
            }
            if (id == 1 && type == ThriftType.Byte)
            {
                width = reader.Integer8();
            }
            else if (id == 2 && type is ThriftType.BooleanTrue or ThriftType.BooleanFalse)
            {
                signed = type == ThriftType.BooleanTrue;
            }
            else
            {
                reader.Skip(type);
            }
            previous = id;
        }
        return (width, signed) switch
        {
            (32, true) => Logical.SignedInt32,
            (64, true) => Logical.SignedInt64,
            _ => Logical.Other,
        };
    }

    // What DuckDB's read_parquet makes of a primitive column, for the types whose mapping is unambiguous; the
    // logical type decides when present, else the legacy converted type (UTF8 = 0, DATE = 6, INT_32 = 17, INT_64 = 18).
    private static string? DuckDbTypeOf(int? physical, int? converted, Logical logical) => ((PhysicalType?)physical, logical, converted) switch
    {
        (PhysicalType.Boolean, Logical.None, null) => "BOOLEAN",
        (PhysicalType.Int32, Logical.None, null or 17) or (PhysicalType.Int32, Logical.SignedInt32, _) => "INTEGER",
        (PhysicalType.Int32, Logical.Date, _) or (PhysicalType.Int32, Logical.None, 6) => "DATE",
        (PhysicalType.Int64, Logical.None, null or 18) or (PhysicalType.Int64, Logical.SignedInt64, _) => "BIGINT",
        (PhysicalType.Int64, Logical.TimestampMicrosUtc, _) => "TIMESTAMPTZ",
        (PhysicalType.Int64, Logical.TimestampMicrosLocal, _) => "TIMESTAMP",
        (PhysicalType.Float, Logical.None, null) => "FLOAT",
        (PhysicalType.Double, Logical.None, null) => "DOUBLE",
        (PhysicalType.ByteArray, Logical.String, _) or (PhysicalType.ByteArray, Logical.None, 0) => "VARCHAR",
        _ => null,
    };

    private static void ReadExactly(SafeFileHandle handle, Span<byte> buffer, long offset, string path)
    {
        var done = 0;
        while (done < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer[done..], offset + done);
            if (read == 0)
            {
                throw Bad(path, $"the file ended {buffer.Length - done} bytes into reading its footer");
            }
            done += read;
        }
    }

    private static FormatException Bad(string path, string what, Exception? inner = null) =>
        new($"{path}: not a readable Parquet file: {what}.", inner);
}
