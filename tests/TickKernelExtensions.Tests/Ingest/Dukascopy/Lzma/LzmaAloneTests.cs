using System.Buffers.Binary;
using TickKernelExtensions.Ingest.Dukascopy.Lzma;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Ingest.Dukascopy.Lzma;

public sealed class LzmaAloneTests
{
    [Fact]
    public void Decode_EveryFixture_NativeAndManagedGiveIdenticalBytes()
    {
        LzmaBackends.Use(LzmaBackends.Native);
        foreach (var path in Bi5Fixtures.NonEmpty)
        {
            var data = Bi5Fixtures.Read(path);
            var native = DecodeToArray(data, LzmaBackend.Native);
            var managed = DecodeToArray(data, LzmaBackend.Managed);
            Assert.Equal((int)LzmaAloneHeader.Read(data).UncompressedSize, native.Length);
            Assert.True(native.AsSpan().SequenceEqual(managed), path);
        }
    }

    [Theory]
    [InlineData(LzmaBackends.Native, LzmaBackends.Native)]
    [InlineData(LzmaBackends.Native, LzmaBackends.Managed)]
    [InlineData(LzmaBackends.Managed, LzmaBackends.Native)]
    [InlineData(LzmaBackends.Managed, LzmaBackends.Managed)]
    public void Encode_ThenDecodeWithEitherPath_RoundTripsEveryFixture(string encoder, string decoder)
    {
        var encode = LzmaBackends.Use(encoder);
        var decode = LzmaBackends.Use(decoder);
        foreach (var path in Bi5Fixtures.NonEmpty)
        {
            var plain = DecodeToArray(Bi5Fixtures.Read(path), LzmaBackend.Managed);
            var encoded = LzmaAlone.Encode(plain, encode);
            Assert.Equal(plain, DecodeToArray(encoded, decode));
        }
    }

    [Theory]
    [InlineData(LzmaBackends.Native)]
    [InlineData(LzmaBackends.Managed)]
    public void Encode_AnyInput_WritesDukascopyHeaderWithSize(string name)
    {
        var backend = LzmaBackends.Use(name);
        var plain = RandomBytes(10_000, seed: 1);
        var encoded = LzmaAlone.Encode(plain, backend);
        Assert.Equal(LzmaAloneHeader.ForDukascopy(plain.Length), LzmaAloneHeader.Read(encoded));
    }

    [Theory]
    [InlineData(LzmaBackends.Native, LzmaBackends.Native)]
    [InlineData(LzmaBackends.Native, LzmaBackends.Managed)]
    [InlineData(LzmaBackends.Managed, LzmaBackends.Native)]
    [InlineData(LzmaBackends.Managed, LzmaBackends.Managed)]
    public void Encode_EmptyAndIncompressibleInput_RoundTrips(string encoder, string decoder)
    {
        var encode = LzmaBackends.Use(encoder);
        var decode = LzmaBackends.Use(decoder);
        foreach (var plain in new[] { Array.Empty<byte>(), [42], RandomBytes(70_000, seed: 2) })
        {
            Assert.Equal(plain, DecodeToArray(LzmaAlone.Encode(plain, encode), decode));
        }
    }

    [Theory]
    [InlineData(LzmaBackends.Native)]
    [InlineData(LzmaBackends.Managed)]
    public void Decode_NativeAloneEncoderOutputWithEndMarker_DecodesWithSizeAndWithUnknownSize(string name)
    {
        LzmaBackends.Use(LzmaBackends.Native);
        var backend = LzmaBackends.Use(name);
        var plain = DecodeToArray(Bi5Fixtures.Read(Bi5Fixtures.EurUsdTicks), LzmaBackend.Managed);
        var withSize = NativeLzmaCodec.Encode(plain, useAloneEncoder: true);
        Assert.Equal((ulong)plain.Length, LzmaAloneHeader.Read(withSize).UncompressedSize);
        Assert.Equal(plain, DecodeToArray(withSize, backend));

        var unknownSize = (byte[])withSize.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(unknownSize.AsSpan(5), LzmaAloneHeader.UnknownSize);
        using var decoded = LzmaAlone.DecodePooled(unknownSize, backend);
        Assert.Equal(plain, decoded.Span.ToArray());
    }

    [Theory]
    [InlineData(LzmaBackends.Native)]
    [InlineData(LzmaBackends.Managed)]
    public void Decode_FixtureCutShort_ThrowsTruncatedAtEveryLength(string name)
    {
        var backend = LzmaBackends.Use(name);
        var data = Bi5Fixtures.Read(Bi5Fixtures.EurUsdTicks);
        foreach (var length in new[] { 1, 5, 12, 13, 14, 18, 100, data.Length / 2, data.Length - 100, data.Length - 2, data.Length - 1 })
        {
            var e = Assert.Throws<MarketDataException>(() => DecodeToArray(data.AsSpan(0, length), backend));
            Assert.True(e.Kind == MarketDataErrorKind.Truncated, $"cut at {length}: {e.Kind}: {e.Message}");
        }
    }

    [Theory]
    [InlineData(LzmaBackends.Native)]
    [InlineData(LzmaBackends.Managed)]
    public void Decode_HeaderClaimingBytesButNoData_ThrowsTruncated(string name)
    {
        var backend = LzmaBackends.Use(name);
        var bytes = new byte[LzmaAloneHeader.Size];
        LzmaAloneHeader.ForDukascopy(74_660).Write(bytes);
        var e = Assert.Throws<MarketDataException>(() => DecodeToArray(bytes, backend));
        Assert.Equal(MarketDataErrorKind.Truncated, e.Kind);
    }

    [Fact]
    public void Decode_BytesAfterTheStreamNative_ThrowsCorruptPayload()
    {
        var backend = LzmaBackends.Use(LzmaBackends.Native);
        var e = Assert.Throws<MarketDataException>(() => DecodeToArray(Padded(Bi5Fixtures.EurUsdDays), backend));
        Assert.Equal(MarketDataErrorKind.CorruptPayload, e.Kind);
    }

    /// <remarks>
    /// SharpCompress tries to read an end marker from the extra bytes and runs out of input, which looks exactly
    /// like a stream missing its last bytes; so the managed path may call this Truncated. Never a success.
    /// </remarks>
    [Fact]
    public void Decode_BytesAfterTheStreamManaged_ThrowsCorruptOrTruncated()
    {
        var e = Assert.Throws<MarketDataException>(() => DecodeToArray(Padded(Bi5Fixtures.EurUsdDays), LzmaBackend.Managed));
        Assert.Contains(e.Kind, new[] { MarketDataErrorKind.CorruptPayload, MarketDataErrorKind.Truncated });
    }

    [Theory]
    [InlineData(LzmaBackends.Native)]
    [InlineData(LzmaBackends.Managed)]
    public void Decode_ValidHeaderThenRandomBytes_ThrowsCorruptOrTruncatedNeverSucceeds(string name)
    {
        var backend = LzmaBackends.Use(name);
        for (var seed = 0; seed < 20; seed++)
        {
            var body = RandomBytes(2_000, seed);
            body[0] = 0; // the first byte of every LZMA1 stream: get past the cheapest check
            var bytes = new byte[LzmaAloneHeader.Size + body.Length];
            LzmaAloneHeader.ForDukascopy(74_660).Write(bytes);
            body.CopyTo(bytes, LzmaAloneHeader.Size);
            var e = Assert.Throws<MarketDataException>(() => DecodeToArray(bytes, backend));
            Assert.Contains(e.Kind, new[] { MarketDataErrorKind.CorruptPayload, MarketDataErrorKind.Truncated });
        }
    }

    [Theory]
    [InlineData(LzmaBackends.Native)]
    [InlineData(LzmaBackends.Managed)]
    public void Decode_RandomBytes_ThrowsNotLzma(string name)
    {
        var backend = LzmaBackends.Use(name);
        var e = Assert.Throws<MarketDataException>(() => DecodeToArray(RandomBytes(5_000, seed: 7), backend));
        Assert.Equal(MarketDataErrorKind.NotLzma, e.Kind);
    }

    [Theory]
    [InlineData(LzmaBackends.Native)]
    [InlineData(LzmaBackends.Managed)]
    public void Decode_AfterAnError_NextDecodeOnSameThreadSucceeds(string name)
    {
        var backend = LzmaBackends.Use(name);
        var data = Bi5Fixtures.Read(Bi5Fixtures.EurUsdMinutes);
        Assert.Throws<MarketDataException>(() => DecodeToArray(data.AsSpan(0, data.Length / 2), backend));
        Assert.Equal(1_440 * 24, DecodeToArray(data, backend).Length);
    }

    [Fact]
    public void Decode_DestinationTooSmall_ThrowsArgumentException()
    {
        var data = Bi5Fixtures.Read(Bi5Fixtures.EurUsdDays);
        Assert.Throws<ArgumentException>(() => LzmaAlone.Decode(data, new byte[100]));
    }

    [Fact]
    public void Decode_IntoLargerDestination_ReturnsDecodedLength()
    {
        var data = Bi5Fixtures.Read(Bi5Fixtures.EurUsdDays);
        var destination = new byte[365 * 24 + 50];
        Assert.Equal(365 * 24, LzmaAlone.Decode(data, destination));
    }

    private static byte[] DecodeToArray(ReadOnlySpan<byte> data, LzmaBackend backend)
    {
        using var decoded = LzmaAlone.DecodePooled(data, backend);
        return decoded.Span.ToArray();
    }

    private static byte[] Padded(string fixture) => Bi5Fixtures.Read(fixture).Concat(new byte[] { 0, 1, 2, 3 }).ToArray();

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
