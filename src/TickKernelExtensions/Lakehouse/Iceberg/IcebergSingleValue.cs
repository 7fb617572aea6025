using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// Iceberg's binary single-value serialization (spec Appendix D), used for column bounds in manifests and
/// partition summaries in manifest lists:
/// <code>
/// boolean        1 byte, 0x00 false
/// int, date      4 bytes little-endian (date = days since 1970-01-01)
/// long, time,    8 bytes little-endian (time and timestamps in microseconds)
///  timestamp(tz)
/// float/double   4/8 bytes little-endian IEEE-754
/// string         UTF-8, no length prefix
/// uuid           16 bytes big-endian
/// decimal        unscaled value, two's complement big-endian, minimum bytes
/// fixed/binary   the bytes
/// </code>
/// </summary>
public static class IcebergSingleValue
{
    /// <summary>Serializes a value (in <see cref="IcebergValues"/> representation).</summary>
    public static byte[] ToBytes(IcebergPrimitiveType type, object value)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        value = IcebergValues.Normalize(type, value);
        switch (type.TypeId)
        {
            case IcebergTypeId.Boolean:
                return [(bool)value ? (byte)1 : (byte)0];
            case IcebergTypeId.Int:
            case IcebergTypeId.Date:
                {
                    var b = new byte[4];
                    BinaryPrimitives.WriteInt32LittleEndian(b, (int)IcebergValues.ToOrdinal(type, value));
                    return b;
                }
            case IcebergTypeId.Long:
            case IcebergTypeId.Time:
            case IcebergTypeId.Timestamp:
            case IcebergTypeId.TimestampTz:
                {
                    var b = new byte[8];
                    BinaryPrimitives.WriteInt64LittleEndian(b, IcebergValues.ToOrdinal(type, value));
                    return b;
                }
            case IcebergTypeId.Float:
                {
                    var b = new byte[4];
                    BinaryPrimitives.WriteSingleLittleEndian(b, (float)value);
                    return b;
                }
            case IcebergTypeId.Double:
                {
                    var b = new byte[8];
                    BinaryPrimitives.WriteDoubleLittleEndian(b, (double)value);
                    return b;
                }
            case IcebergTypeId.String:
                return Encoding.UTF8.GetBytes((string)value);
            case IcebergTypeId.Uuid:
                return ((Guid)value).ToByteArray(bigEndian: true);
            case IcebergTypeId.Decimal:
                return IcebergValues.UnscaledDecimal((decimal)value, type.Scale).ToByteArray(isUnsigned: false, isBigEndian: true);
            case IcebergTypeId.Fixed:
            case IcebergTypeId.Binary:
                return (byte[])value;
            default:
                throw new IcebergException(IcebergErrorKind.Unsupported, "No single-value serialization for this type.") { Actual = type.ToString() };
        }
    }

    /// <summary>Deserializes a value into the <see cref="IcebergValues"/> representation.</summary>
    public static object FromBytes(IcebergPrimitiveType type, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(type);
        static void Need(ReadOnlySpan<byte> b, int n, IcebergPrimitiveType t)
        {
            if (b.Length < n)
            {
                throw new IcebergException(IcebergErrorKind.InvalidMetadata, "A serialized bound is too short.")
                {
                    Expected = Invariant($"{n} bytes for {t}"),
                    Actual = Invariant($"{b.Length} bytes"),
                };
            }
        }
        switch (type.TypeId)
        {
            case IcebergTypeId.Boolean:
                Need(bytes, 1, type);
                return bytes[0] != 0;
            case IcebergTypeId.Int:
                Need(bytes, 4, type);
                return BinaryPrimitives.ReadInt32LittleEndian(bytes);
            case IcebergTypeId.Date:
                Need(bytes, 4, type);
                return IcebergValues.FromOrdinal(type, BinaryPrimitives.ReadInt32LittleEndian(bytes));
            case IcebergTypeId.Long:
                // A long column promoted from int may still carry 4-byte bounds in older files.
                return bytes.Length == 4 ? BinaryPrimitives.ReadInt32LittleEndian(bytes) : ReadLong(bytes, type);
            case IcebergTypeId.Time:
            case IcebergTypeId.Timestamp:
            case IcebergTypeId.TimestampTz:
                return IcebergValues.FromOrdinal(type, ReadLong(bytes, type));
            case IcebergTypeId.Float:
                Need(bytes, 4, type);
                return BinaryPrimitives.ReadSingleLittleEndian(bytes);
            case IcebergTypeId.Double:
                return bytes.Length == 4 ? BinaryPrimitives.ReadSingleLittleEndian(bytes) : BinaryPrimitives.ReadDoubleLittleEndian(bytes);
            case IcebergTypeId.String:
                return Encoding.UTF8.GetString(bytes);
            case IcebergTypeId.Uuid:
                Need(bytes, 16, type);
                return new Guid(bytes[..16], bigEndian: true);
            case IcebergTypeId.Decimal:
                return IcebergValues.ScaleDecimal(new BigInteger(bytes, isUnsigned: false, isBigEndian: true), type.Scale);
            case IcebergTypeId.Fixed:
            case IcebergTypeId.Binary:
                return bytes.ToArray();
            default:
                throw new IcebergException(IcebergErrorKind.Unsupported, "No single-value serialization for this type.") { Actual = type.ToString() };
        }
    }

    private static long ReadLong(ReadOnlySpan<byte> bytes, IcebergPrimitiveType type) =>
        bytes.Length >= 8
            ? BinaryPrimitives.ReadInt64LittleEndian(bytes)
            : throw new IcebergException(IcebergErrorKind.InvalidMetadata, "A serialized bound is too short.")
            {
                Expected = Invariant($"8 bytes for {type}"),
                Actual = Invariant($"{bytes.Length} bytes"),
            };

    private static string Invariant(FormattableString s) => IcebergType.Invariant(s);
}
