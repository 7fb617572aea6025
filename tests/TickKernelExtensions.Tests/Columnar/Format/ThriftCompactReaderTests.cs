using TickKernelExtensions.Columnar.Format;

namespace TickKernelExtensions.Tests.Columnar.Format;

public sealed class ThriftCompactReaderTests
{
    [Fact]
    public void FieldHeaders_WhatTheWriterWrote_ReadBack()
    {
        using var buffer = new PooledBuffer();
        var w = new ThriftCompactWriter(buffer);
        w.BeginStruct();
        w.FieldI32(1, -7);
        w.FieldI64(20, long.MinValue);
        w.FieldBool(21, true);
        w.FieldString(22, "héllo");
        w.FieldList(23, ThriftType.I32, 16);
        for (var i = 0; i < 16; i++)
        {
            w.WriteI32(i);
        }
        w.EndStruct();
        var reader = new ThriftCompactReader(buffer.WrittenSpan);

        Assert.Equal((ThriftType.I32, (short)1), reader.FieldHeader(0));
        Assert.Equal(-7, reader.I32());
        Assert.Equal((ThriftType.I64, (short)20), reader.FieldHeader(1));
        Assert.Equal(long.MinValue, reader.Integer());
        Assert.Equal((ThriftType.BooleanTrue, (short)21), reader.FieldHeader(20));
        Assert.Equal((ThriftType.Binary, (short)22), reader.FieldHeader(21));
        Assert.Equal("héllo", reader.String());
        Assert.Equal((ThriftType.List, (short)23), reader.FieldHeader(22));
        Assert.Equal((ThriftType.I32, 16), reader.ListHeader());
        for (var i = 0; i < 16; i++)
        {
            Assert.Equal(i, reader.I32());
        }
        Assert.Equal(ThriftType.Stop, reader.FieldHeader(23).Type);
        Assert.Equal(buffer.WrittenSpan.Length, reader.Position);
    }

    [Fact]
    public void Skip_StructWithEveryType_LandsOnTheNextField()
    {
        byte[] data =
        [
            0x1C,                         // field 1: struct
            0x11,                         //   field 1: bool true (no payload)
            0x17, 1, 2, 3, 4, 5, 6, 7, 8, //   field 2: double
            0x13, 0x7F,                   //   field 3: byte
            0x1A, 0x21, 0x05, 0x06,       //   field 4: set of 2 i32
            0x19, 0x21, 0x01, 0x02,       //   field 5: list of 2 bools, one byte each
            0x1B, 0x02, 0x58, 0x02, 0x01, 0x61, 0x04, 0x00, //   field 6: map of 2, i32 -> binary: 1 -> "a", 2 -> ""
            0x1B, 0x00,                   //   field 7: empty map (no type byte)
            0x00,                         // end of struct
            0x15, 0x54,                   // field 2: i32 42
        ];
        var reader = new ThriftCompactReader(data);

        var (type, id) = reader.FieldHeader(0);
        reader.Skip(type);

        Assert.Equal((ThriftType.I32, (short)2), reader.FieldHeader(id));
        Assert.Equal(42, reader.I32());
    }

    [Theory]
    [InlineData(new byte[] { 0x15 }, "the data ends inside a value")]
    [InlineData(new byte[] { 0x15, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, "a varint longer than ten bytes")]
    [InlineData(new byte[] { 0x18, 0x05, 0x61 }, "a binary of 5 bytes with 1 left")]
    [InlineData(new byte[] { 0x19, 0xF5, 0xFF, 0xFF, 0x03 }, "a list of 65535 elements with 0 bytes left")]
    [InlineData(new byte[] { 0x1D }, "unknown type 13")]
    public void Skip_Malformed_ThrowsWithTheOffset(byte[] data, string expected)
    {
        var e = Assert.Throws<FormatException>(() =>
        {
            var reader = new ThriftCompactReader(data);
            var (type, _) = reader.FieldHeader(0);
            reader.Skip(type);
        });
        Assert.Contains(expected, e.Message);
        Assert.StartsWith("Malformed Thrift compact data at byte ", e.Message);
    }

    [Fact]
    public void Skip_NestingBeyondTheLimit_Throws()
    {
        // A struct field holding a struct field holding ... never closed: refused before the stack runs out.
        var data = Enumerable.Repeat((byte)0x1C, 10_000).ToArray();
        var e = Assert.Throws<FormatException>(() =>
        {
            var reader = new ThriftCompactReader(data);
            reader.Skip(ThriftType.Struct);
        });
        Assert.Contains($"nesting deeper than {ThriftCompactReader.MaxDepth}", e.Message);
    }

    [Fact]
    public void I32_ValueBeyondInt_Throws()
    {
        byte[] data = [0x80, 0x80, 0x80, 0x80, 0x20]; // zigzag 2^33 = 2^32
        var e = Assert.Throws<FormatException>(() => new ThriftCompactReader(data).I32());
        Assert.Contains("an i32 out of range (4294967296)", e.Message);
    }
}
