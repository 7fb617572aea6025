using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Pipeline.Scripts.Kernel.Kernelspec;

/// <summary>
/// The kernel's logo, drawn in code: a rounded dark-blue square with a rising green tick line
/// (the workbench's subject), written as an 8-bit RGBA PNG.
/// </summary>
public static class LogoPng
{
    /// <summary>The PNG bytes of a <paramref name="size"/>×<paramref name="size"/> logo.</summary>
    public static byte[] Create(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 8);
        var rows = new byte[size * (1 + size * 4)];
        for (var y = 0; y < size; y++)
        {
            var row = y * (1 + size * 4);
            rows[row] = 0; // filter: none
            for (var x = 0; x < size; x++)
            {
                var (r, g, b, a) = Pixel(x, y, size);
                var p = row + 1 + x * 4;
                (rows[p], rows[p + 1], rows[p + 2], rows[p + 3]) = (r, g, b, a);
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8;  // bit depth
        header[9] = 6;  // colour type: RGBA
        WriteChunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(rows);
            }
            WriteChunk(png, "IDAT", compressed.ToArray());
        }
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static (byte R, byte G, byte B, byte A) Pixel(int x, int y, int size)
    {
        var radius = size / 6.0;
        var cx = Math.Clamp(x + 0.5, radius, size - radius);
        var cy = Math.Clamp(y + 0.5, radius, size - radius);
        if ((x + 0.5 - cx) * (x + 0.5 - cx) + (y + 0.5 - cy) * (y + 0.5 - cy) > radius * radius)
        {
            return (0, 0, 0, 0);
        }
        // A zig-zag rising from bottom left to top right, about size/12 thick.
        var u = (x + 0.5) / size;
        var line = 0.8 - 0.6 * u + 0.08 * Math.Sin(u * Math.PI * 6);
        if (u is > 0.12 and < 0.88 && Math.Abs((y + 0.5) / size - line) < 0.06)
        {
            return (0x4C, 0xD9, 0x7B, 0xFF);
        }
        return (0x1B, 0x2A, 0x49, 0xFF);
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeBytes, data));
        png.Write(number);
    }

    private static uint Crc32(byte[] type, byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in type.Concat(data))
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return crc ^ 0xFFFFFFFFu;
    }
}
