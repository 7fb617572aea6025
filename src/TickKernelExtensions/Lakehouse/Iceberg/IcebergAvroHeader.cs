using System.Text;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// Rewrites the schema JSON in an Avro container file's header. Apache.Avro drops attributes it does not model
/// when it re-serializes a parsed schema (notably <c>"logicalType":"map"</c> on the arrays Iceberg uses for
/// int-keyed maps), so after writing, the exact Iceberg schema text is put back. Only the header changes; the
/// data blocks and their sync marker are copied unchanged.
/// <code>
/// header = "Obj" 0x01, map&lt;string, bytes&gt; metadata (zig-zag varint counts and lengths), 16-byte sync marker
/// </code>
/// </summary>
internal static class IcebergAvroHeader
{
    private static readonly byte[] Magic = [(byte)'O', (byte)'b', (byte)'j', 1];

    public static byte[] ReplaceSchema(byte[] file, string schemaJson)
    {
        if (file.Length < Magic.Length || !file.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new IcebergException(IcebergErrorKind.InvalidMetadata, "Not an Avro container file (bad magic).");
        }
        var position = Magic.Length;
        var entries = new List<KeyValuePair<string, byte[]>>();
        while (true)
        {
            var count = ReadLong(file, ref position);
            if (count == 0)
            {
                break;
            }
            if (count < 0)
            {
                count = -count;
                ReadLong(file, ref position); // block size in bytes
            }
            for (var i = 0; i < count; i++)
            {
                var key = Encoding.UTF8.GetString(ReadBytes(file, ref position));
                var value = ReadBytes(file, ref position);
                entries.Add(KeyValuePair.Create(key, key == "avro.schema" ? Encoding.UTF8.GetBytes(schemaJson) : value));
            }
        }
        using var output = new MemoryStream(file.Length + 512);
        output.Write(Magic);
        WriteLong(output, entries.Count);
        foreach (var (key, value) in entries)
        {
            var k = Encoding.UTF8.GetBytes(key);
            WriteLong(output, k.Length);
            output.Write(k);
            WriteLong(output, value.Length);
            output.Write(value);
        }
        WriteLong(output, 0);
        output.Write(file.AsSpan(position)); // sync marker and data blocks
        return output.ToArray();
    }

    private static byte[] ReadBytes(byte[] file, ref int position)
    {
        var length = checked((int)ReadLong(file, ref position));
        if (length < 0 || position + length > file.Length)
        {
            throw new IcebergException(IcebergErrorKind.InvalidMetadata, "Truncated Avro header.");
        }
        var bytes = file.AsSpan(position, length).ToArray();
        position += length;
        return bytes;
    }

    private static long ReadLong(byte[] file, ref int position)
    {
        ulong value = 0;
        var shift = 0;
        while (true)
        {
            if (position >= file.Length || shift > 63)
            {
                throw new IcebergException(IcebergErrorKind.InvalidMetadata, "Truncated Avro header.");
            }
            var b = file[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
            shift += 7;
        }
        return (long)(value >> 1) ^ -(long)(value & 1);
    }

    private static void WriteLong(Stream output, long value)
    {
        var n = (ulong)((value << 1) ^ (value >> 63));
        while (n >= 0x80)
        {
            output.WriteByte((byte)(n | 0x80));
            n >>= 7;
        }
        output.WriteByte((byte)n);
    }
}
