using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// Iceberg's bucket hash: 32-bit Murmur3 (x86 variant, seed 0) over the spec's byte form of a value
/// (spec Appendix B): int, long, date, time and timestamps hash as an 8-byte little-endian long; decimals as
/// the minimal big-endian two's-complement unscaled bytes; strings as UTF-8; uuids as 16 big-endian bytes.
/// </summary>
public static class IcebergBucketHash
{
    /// <summary>Murmur3 x86 32-bit, seed 0, of <paramref name="data"/>.</summary>
    public static int Murmur3(ReadOnlySpan<byte> data)
    {
        const uint c1 = 0xcc9e2d51, c2 = 0x1b873593;
        uint h = 0;
        var blocks = data.Length / 4;
        for (var i = 0; i < blocks; i++)
        {
            var k = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i * 4, 4));
            k *= c1;
            k = BitOperations.RotateLeft(k, 15);
            k *= c2;
            h ^= k;
            h = BitOperations.RotateLeft(h, 13);
            h = (h * 5) + 0xe6546b64;
        }
        var tail = data[(blocks * 4)..];
        uint k1 = 0;
        switch (tail.Length)
        {
            case 3:
                k1 ^= (uint)tail[2] << 16;
                goto case 2;
            case 2:
                k1 ^= (uint)tail[1] << 8;
                goto case 1;
            case 1:
                k1 ^= tail[0];
                k1 *= c1;
                k1 = BitOperations.RotateLeft(k1, 15);
                k1 *= c2;
                h ^= k1;
                break;
        }
        h ^= (uint)data.Length;
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return (int)h;
    }

    /// <summary>The hash of a value of <paramref name="type"/> (in the reader's value representation, see <see cref="IcebergValues"/>).</summary>
    public static int Hash(IcebergPrimitiveType type, object value)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        switch (type.TypeId)
        {
            case IcebergTypeId.Int:
            case IcebergTypeId.Long:
            case IcebergTypeId.Date:
            case IcebergTypeId.Time:
            case IcebergTypeId.Timestamp:
            case IcebergTypeId.TimestampTz:
                Span<byte> buffer = stackalloc byte[8];
                BinaryPrimitives.WriteInt64LittleEndian(buffer, IcebergValues.ToOrdinal(type, value));
                return Murmur3(buffer);
            case IcebergTypeId.String:
                return Murmur3(Encoding.UTF8.GetBytes((string)value));
            case IcebergTypeId.Decimal:
            case IcebergTypeId.Uuid:
            case IcebergTypeId.Fixed:
            case IcebergTypeId.Binary:
                return Murmur3(IcebergSingleValue.ToBytes(type, value));
            default:
                throw new IcebergException(IcebergErrorKind.Unsupported, "The bucket transform does not apply to this type.")
                {
                    Expected = "int, long, decimal, date, time, timestamp, timestamptz, string, uuid, fixed or binary",
                    Actual = type.ToString(),
                };
        }
    }

    /// <summary><c>bucket[N]</c>: <c>(hash &amp; int.MaxValue) % N</c>.</summary>
    public static int Bucket(IcebergPrimitiveType type, object value, int buckets) => (Hash(type, value) & int.MaxValue) % buckets;
}
