namespace TickKernelExtensions.Tests.Columnar;

/// <summary>
/// Walks the pages of a column chunk by decoding each PageHeader with a small Thrift compact reader
/// written from the protocol description (independent of the writer's code): page type, sizes and
/// value count, so tests can check how chunks are split into pages.
/// </summary>
internal static class PageWalker
{
    public sealed record Page(int Type, int UncompressedSize, int CompressedSize, int NumValues, int HeaderSize);

    /// <summary>Reads pages from <paramref name="offset"/> until <paramref name="length"/> bytes are consumed; fails on overrun.</summary>
    public static List<Page> Walk(byte[] file, long offset, long length)
    {
        var pages = new List<Page>();
        var pos = checked((int)offset);
        var end = checked((int)(offset + length));
        while (pos < end)
        {
            var reader = new Reader(file, pos);
            var page = reader.ReadPageHeader();
            pages.Add(page with { HeaderSize = reader.Position - pos });
            pos = reader.Position + page.CompressedSize;
        }
        Assert.Equal(end, pos);
        return pages;
    }

    private sealed class Reader(byte[] bytes, int position)
    {
        public int Position { get; private set; } = position;

        public Page ReadPageHeader()
        {
            int type = 0, uncompressed = 0, compressed = 0, values = 0;
            short last = 0;
            while (ReadField(ref last, out var fieldType, out var id))
            {
                switch (id)
                {
                    case 1: type = (int)ReadVarintSigned(); break;
                    case 2: uncompressed = (int)ReadVarintSigned(); break;
                    case 3: compressed = (int)ReadVarintSigned(); break;
                    case 5 or 7: values = ReadFirstI32OfStruct(); break;
                    default: Skip(fieldType); break;
                }
            }
            return new Page(type, uncompressed, compressed, values, 0);
        }

        private int ReadFirstI32OfStruct()
        {
            var result = -1;
            short last = 0;
            while (ReadField(ref last, out var fieldType, out var id))
            {
                if (id == 1 && fieldType == 5)
                {
                    result = (int)ReadVarintSigned();
                }
                else
                {
                    Skip(fieldType);
                }
            }
            return result;
        }

        private bool ReadField(ref short last, out int type, out short id)
        {
            var header = bytes[Position++];
            type = header & 0x0F;
            id = 0;
            if (type == 0)
            {
                return false;
            }
            var delta = header >> 4;
            id = delta != 0 ? (short)(last + delta) : (short)ReadVarintSigned();
            last = id;
            return true;
        }

        private void Skip(int type)
        {
            switch (type)
            {
                case 1 or 2: break;
                case 3: Position++; break;
                case 4 or 5 or 6: ReadVarint(); break;
                case 7: Position += 8; break;
                case 8:
                    // Read the length first: `Position += ReadVarint()` would add to the old position.
                    var length = (int)ReadVarint();
                    Position += length;
                    break;
                case 9 or 10:
                    var header = bytes[Position++];
                    var size = header >> 4 == 15 ? (int)ReadVarint() : header >> 4;
                    for (var i = 0; i < size; i++)
                    {
                        Skip((header & 0x0F) is 1 or 2 ? 3 : header & 0x0F);
                    }
                    break;
                case 12:
                    short last = 0;
                    while (ReadField(ref last, out var inner, out _))
                    {
                        Skip(inner);
                    }
                    break;
                default: throw new InvalidOperationException($"Unexpected Thrift type {type} at {Position}.");
            }
        }

        private ulong ReadVarint()
        {
            ulong value = 0;
            var shift = 0;
            byte b;
            do
            {
                b = bytes[Position++];
                value |= (ulong)(b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);
            return value;
        }

        private long ReadVarintSigned()
        {
            var v = ReadVarint();
            return (long)(v >> 1) ^ -(long)(v & 1);
        }
    }
}
