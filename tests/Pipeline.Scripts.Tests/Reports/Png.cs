using System.Buffers.Binary;
using System.IO.Compression;

namespace Pipeline.Scripts.Tests.Reports;

/// <summary>
/// A minimal PNG reader for screenshots: 8-bit RGB or RGBA, non-interlaced (what Chromium writes).
/// Enough to count pixels of a colour; not a general decoder.
/// </summary>
internal sealed class Png
{
    private Png(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        Rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Rgba { get; }

    public static Png Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (!bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }))
        {
            throw new InvalidDataException($"{path} is not a PNG.");
        }
        int width = 0, height = 0, colorType = 0;
        using var idat = new MemoryStream();
        for (var pos = 8; pos < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(bytes, pos + 4, 4);
            var data = bytes.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0 || (data[9] != 2 && data[9] != 6))
                {
                    throw new InvalidDataException($"{path}: only 8-bit non-interlaced RGB/RGBA is supported.");
                }
                colorType = data[9];
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            pos += 12 + length;
        }
        var channels = colorType == 6 ? 4 : 3;
        var stride = width * channels;
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new byte[(stride + 1) * height];
        z.ReadExactly(raw);
        var rgba = new byte[width * height * 4];
        var previous = new byte[stride];
        var line = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, (y * (stride + 1)) + 1, line, 0, stride);
            Unfilter(filter, line, previous, channels);
            for (var x = 0; x < width; x++)
            {
                var o = (y * width + x) * 4;
                rgba[o] = line[x * channels];
                rgba[o + 1] = line[(x * channels) + 1];
                rgba[o + 2] = line[(x * channels) + 2];
                rgba[o + 3] = channels == 4 ? line[(x * channels) + 3] : (byte)255;
            }
            (previous, line) = (line, previous);
        }
        return new Png(width, height, rgba);
    }

    /// <summary>Pixels within <paramref name="tolerance"/> of the colour on every channel.</summary>
    public int Count(byte r, byte g, byte b, int tolerance = 12)
    {
        var n = 0;
        for (var i = 0; i < Rgba.Length; i += 4)
        {
            if (Math.Abs(Rgba[i] - r) <= tolerance && Math.Abs(Rgba[i + 1] - g) <= tolerance && Math.Abs(Rgba[i + 2] - b) <= tolerance)
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>Strongly coloured pixels (channel spread above <paramref name="spread"/>): chart lines, not text or grid.</summary>
    public int CountColoured(int spread = 80)
    {
        var n = 0;
        for (var i = 0; i < Rgba.Length; i += 4)
        {
            var max = Math.Max(Rgba[i], Math.Max(Rgba[i + 1], Rgba[i + 2]));
            var min = Math.Min(Rgba[i], Math.Min(Rgba[i + 1], Rgba[i + 2]));
            n += max - min > spread ? 1 : 0;
        }
        return n;
    }

    private static void Unfilter(byte filter, byte[] line, byte[] previous, int bpp)
    {
        for (var i = 0; i < line.Length; i++)
        {
            int a = i >= bpp ? line[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
            line[i] = filter switch
            {
                0 => line[i],
                1 => (byte)(line[i] + a),
                2 => (byte)(line[i] + b),
                3 => (byte)(line[i] + ((a + b) / 2)),
                4 => (byte)(line[i] + Paeth(a, b, c)),
                _ => throw new InvalidDataException($"PNG filter {filter}"),
            };
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
