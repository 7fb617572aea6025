using TickKernelExtensions.Columnar.Format;

namespace TickKernelExtensions.Tests.Columnar.Format;

public sealed class ThriftCompactWriterTests
{
    [Fact]
    public void Fields_ShortAndLongIdDeltas_EncodeHeadersZigzagAndVarints()
    {
        var bytes = Write(w =>
        {
            w.BeginStruct();
            w.FieldI32(1, 1);
            w.FieldI32(3, -1);
            w.FieldI64(20, 300);
            w.FieldBool(21, true);
            w.FieldBool(22, false);
            w.FieldString(23, "ab");
            w.FieldI16(24, -2);
            w.EndStruct();
        });

        byte[] expected =
        [
            0x15, 0x02,             // id 1 (delta 1), i32, zigzag(1) = 2
            0x25, 0x01,             // id 3 (delta 2), i32, zigzag(-1) = 1
            0x06, 0x28, 0xD8, 0x04, // delta 17 > 15: type byte, zigzag(20) = 40, zigzag(300) = 600 as varint
            0x11,                   // id 21, bool true in the type nibble
            0x12,                   // id 22, bool false
            0x18, 0x02, 0x61, 0x62, // id 23, binary, length 2, "ab"
            0x14, 0x03,             // id 24, i16, zigzag(-2) = 3
            0x00,                   // stop
        ];
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void FieldStruct_Nested_RestartsIdsInsideAndResumesOutside()
    {
        var bytes = Write(w =>
        {
            w.BeginStruct();
            w.FieldStruct(5);
            w.FieldI32(1, 0);
            w.EndStruct();
            w.FieldI32(6, 0);
            w.EndStruct();
        });

        Assert.Equal([0x5C, 0x15, 0x00, 0x00, 0x15, 0x00, 0x00], bytes);
    }

    [Fact]
    public void FieldList_FifteenOrMoreElements_UsesTheLongHeader()
    {
        var small = Write(w =>
        {
            w.BeginStruct();
            w.FieldList(1, ThriftType.I32, 2);
            w.WriteI32(1);
            w.WriteI32(2);
            w.EndStruct();
        });
        var large = Write(w =>
        {
            w.BeginStruct();
            w.FieldList(1, ThriftType.Binary, 15);
            for (var i = 0; i < 15; i++)
            {
                w.WriteString("x");
            }
            w.EndStruct();
        });

        Assert.Equal([0x19, 0x25, 0x02, 0x04, 0x00], small);
        Assert.Equal([0x19, 0xF8, 0x0F], large[..3]);
        Assert.Equal(3 + (15 * 2) + 1, large.Length);
    }

    [Fact]
    public void FieldI64_Extremes_RoundTripThroughZigzag()
    {
        var bytes = Write(w =>
        {
            w.BeginStruct();
            w.FieldI64(1, long.MinValue);
            w.EndStruct();
        });

        // zigzag(long.MinValue) = ulong.MaxValue: ten varint bytes, nine with the continuation bit.
        Assert.Equal([0x16, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x00], bytes);
    }

    private static byte[] Write(Action<ThriftCompactWriter> write)
    {
        using var buffer = new PooledBuffer();
        write(new ThriftCompactWriter(buffer));
        return buffer.WrittenSpan.ToArray();
    }
}
