using System.Text;
using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Ingest.Dukascopy.Lzma;
using TickKernelExtensions.Market;
using TickKernelExtensions.Tests.Ingest.Dukascopy.Lzma;

namespace TickKernelExtensions.Tests.Ingest.Dukascopy;

public sealed class Bi5TickCodecTests
{
    private static readonly DateTime EurUsdHour = new(2019, 2, 4, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime BtcUsdHour = new(2023, 2, 20, 12, 0, 0, DateTimeKind.Utc);
    private static Instrument EurUsd => InstrumentCatalog.Default.Get("EURUSD");
    private static Instrument BtcUsd => InstrumentCatalog.Default.Get("BTCUSD");

    [Theory]
    [InlineData(LzmaBackends.Native)]
    [InlineData(LzmaBackends.Managed)]
    public void Decode_EurUsdFixture_EqualsUpstreamExpectationForEveryRecord(string name)
    {
        var backend = LzmaBackends.Use(name);
        var expected = ExpectedRecords.Read(ExpectedRecords.EurUsdTicks);
        var ticks = Bi5TickCodec.Decode(Bi5Fixtures.Read(Bi5Fixtures.EurUsdTicks), backend);
        Assert.Equal(3_733, expected.Length);
        Assert.Equal(expected.Length, ticks.Length);
        for (var i = 0; i < ticks.Length; i++)
        {
            var (e, t) = (expected[i], ticks[i]);
            Assert.Equal((uint)e[0], t.MillisecondOffset);
            Assert.Equal((uint)e[1], t.AskPoints);
            Assert.Equal((uint)e[2], t.BidPoints);
            Assert.Equal(ExpectedRecords.Float32Bits(e[3]), ExpectedRecords.Bits(t.AskVolume));
            Assert.Equal(ExpectedRecords.Float32Bits(e[4]), ExpectedRecords.Bits(t.BidVolume));
        }
        Assert.Equal(new Bi5Tick(994, 114545, 114543, 1f, 2.06f), ticks[0]);
    }

    [Theory]
    [InlineData(LzmaBackends.Native)]
    [InlineData(LzmaBackends.Managed)]
    public void DecodeInto_BtcUsdFixture_EqualsNormalisedExpectationForAll8523Ticks(string name)
    {
        var backend = LzmaBackends.Use(name);
        var expected = ExpectedRecords.ReadNormalised();
        var columns = new TickColumns();
        var count = Bi5TickCodec.DecodeInto(Bi5Fixtures.Read(Bi5Fixtures.BtcUsdTicks), BtcUsdHour, BtcUsd, columns, backend);
        Assert.Equal(8_523, count);
        Assert.Equal(expected.Length, columns.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(expected[i].TimestampMs * 1_000, columns.Timestamps[i]);
            Assert.Equal(expected[i].Ask, columns.Asks[i]);
            Assert.Equal(expected[i].Bid, columns.Bids[i]);
        }
    }

    [Fact]
    public void DecodeInto_EurUsdFixture_ConvertsEveryRecordToColumns()
    {
        var raw = Bi5TickCodec.Decode(Bi5Fixtures.Read(Bi5Fixtures.EurUsdTicks));
        var columns = new TickColumns(16);
        Bi5TickCodec.DecodeInto(Bi5Fixtures.Read(Bi5Fixtures.EurUsdTicks), EurUsdHour, EurUsd, columns);
        Assert.Equal(raw.Length, columns.Count);
        for (var i = 0; i < raw.Length; i++)
        {
            Assert.Equal(TickTime.ToMicros(EurUsdHour) + (raw[i].MillisecondOffset * 1_000L), columns.Timestamps[i]);
            Assert.Equal(raw[i].AskPoints / 100_000d, columns.Asks[i]);
            Assert.Equal(raw[i].BidPoints / 100_000d, columns.Bids[i]);
            Assert.Equal(ExpectedRecords.Bits(raw[i].AskVolume), ExpectedRecords.Bits(columns.AskVolumes[i]));
            Assert.Equal(ExpectedRecords.Bits(raw[i].BidVolume), ExpectedRecords.Bits(columns.BidVolumes[i]));
        }
        Assert.Equal(new DateTime(2019, 2, 4, 0, 0, 0, 994, DateTimeKind.Utc), columns.TimeAt(0));
        Assert.Equal(1.14545, columns.Asks[0]);
        Assert.Equal(1.14543, columns.Bids[0]);
    }

    [Fact]
    public void DecodeInto_NonEmptyTarget_AppendsAfterExistingTicksAndKeepsThem()
    {
        var columns = new TickColumns(4);
        columns.Add(1, 2.0, 3.0, 4f, 5f);
        var btc = Bi5Fixtures.Read(Bi5Fixtures.BtcUsdTicks);
        var first = Bi5TickCodec.DecodeInto(btc, BtcUsdHour, BtcUsd, columns);
        var second = Bi5TickCodec.DecodeInto(btc, BtcUsdHour.AddHours(1), BtcUsd, columns);
        Assert.Equal((8_523, 8_523, 1 + (2 * 8_523)), (first, second, columns.Count));
        Assert.Equal((1L, 2.0, 3.0, 4f, 5f), (columns.Timestamps[0], columns.Bids[0], columns.Asks[0], columns.BidVolumes[0], columns.AskVolumes[0]));
        Assert.Equal(1676894400084L * 1_000, columns.Timestamps[1]);
        Assert.Equal((1676894400084L + 3_600_000) * 1_000, columns.Timestamps[1 + 8_523]);
        Assert.Equal(columns.Asks[1], columns.Asks[1 + 8_523]);
    }

    [Fact]
    public void Decode_EmptyFixture_GivesNoTicks()
    {
        var payload = Bi5Fixtures.Read(Bi5Fixtures.Empty);
        Assert.Empty(payload);
        Assert.Empty(Bi5TickCodec.Decode(payload));
        var columns = new TickColumns();
        Assert.Equal(0, Bi5TickCodec.DecodeInto(payload, EurUsdHour, EurUsd, columns));
        Assert.Equal(0, columns.Count);
    }

    [Fact]
    public void Encode_NoTicks_GivesEmptyPayload() => Assert.Empty(Bi5TickCodec.Encode([]));

    [Theory]
    [InlineData(LzmaBackends.Native, LzmaBackends.Native)]
    [InlineData(LzmaBackends.Native, LzmaBackends.Managed)]
    [InlineData(LzmaBackends.Managed, LzmaBackends.Native)]
    [InlineData(LzmaBackends.Managed, LzmaBackends.Managed)]
    public void Encode_ThenDecode_RoundTripsBitForBitIncludingAwkwardFloats(string encoder, string decoder)
    {
        var encode = LzmaBackends.Use(encoder);
        var decode = LzmaBackends.Use(decoder);
        var fixture = Bi5TickCodec.Decode(Bi5Fixtures.Read(Bi5Fixtures.EurUsdTicks));
        var awkward = ExpectedRecords.AwkwardFloats;
        var ticks = fixture
            .Select((t, i) => t with { AskVolume = awkward[i % awkward.Length], BidVolume = awkward[(i * 7 + 3) % awkward.Length] })
            .Append(new Bi5Tick(Bi5TickCodec.MillisecondsPerHour - 1, uint.MaxValue, 0, 1f, 1f))
            .ToArray();
        var decoded = Bi5TickCodec.Decode(Bi5TickCodec.Encode(ticks, encode), decode);
        Assert.Equal(ticks.Length, decoded.Length);
        for (var i = 0; i < ticks.Length; i++)
        {
            Assert.Equal((ticks[i].MillisecondOffset, ticks[i].AskPoints, ticks[i].BidPoints), (decoded[i].MillisecondOffset, decoded[i].AskPoints, decoded[i].BidPoints));
            Assert.Equal(ExpectedRecords.Bits(ticks[i].AskVolume), ExpectedRecords.Bits(decoded[i].AskVolume));
            Assert.Equal(ExpectedRecords.Bits(ticks[i].BidVolume), ExpectedRecords.Bits(decoded[i].BidVolume));
        }
    }

    [Fact]
    public void Encode_FixtureRecords_ReproducesFixtureDecompressedBytes()
    {
        var payload = Bi5Fixtures.Read(Bi5Fixtures.EurUsdTicks);
        using var original = LzmaAlone.DecodePooled(payload);
        using var ours = LzmaAlone.DecodePooled(Bi5TickCodec.Encode(Bi5TickCodec.Decode(payload)));
        Assert.True(original.Span.SequenceEqual(ours.Span));
    }

    [Fact]
    public void Encode_OffsetBeyondTheHour_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => Bi5TickCodec.Encode([new Bi5Tick(Bi5TickCodec.MillisecondsPerHour, 1, 1, 1f, 1f)]));

    [Theory]
    [InlineData(LzmaBackends.Native)]
    [InlineData(LzmaBackends.Managed)]
    public void DecodeInto_OffsetBeyondTheHour_ThrowsCorruptPayloadAndAppendsNothing(string name)
    {
        var backend = LzmaBackends.Use(name);
        var records = new byte[3 * Bi5TickCodec.RecordSize];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(records.AsSpan(2 * Bi5TickCodec.RecordSize), 3_600_000);
        var payload = LzmaAlone.Encode(records, backend);
        var columns = new TickColumns();
        columns.Add(7, 1, 1, 1, 1);
        var e = Assert.Throws<MarketDataException>(() => Bi5TickCodec.DecodeInto(payload, EurUsdHour, EurUsd, columns, backend));
        Assert.Equal(MarketDataErrorKind.CorruptPayload, e.Kind);
        Assert.Equal("millisecond offset", e.Field);
        Assert.Equal("3600000", e.Actual);
        Assert.Contains("record 2", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, columns.Count);
        Assert.Equal(MarketDataErrorKind.CorruptPayload, Assert.Throws<MarketDataException>(() => Bi5TickCodec.Decode(payload, backend)).Kind);
    }

    [Theory]
    [InlineData(LzmaBackends.Native)]
    [InlineData(LzmaBackends.Managed)]
    public void Decode_LengthNotAMultipleOf20_ThrowsCorruptPayload(string name)
    {
        var backend = LzmaBackends.Use(name);
        var payload = LzmaAlone.Encode(new byte[30], backend);
        var e = Assert.Throws<MarketDataException>(() => Bi5TickCodec.Decode(payload, backend));
        Assert.Equal(MarketDataErrorKind.CorruptPayload, e.Kind);
        Assert.Equal("decoded length", e.Field);
        Assert.Equal("30", e.Actual);
    }

    [Theory]
    [InlineData(LzmaBackends.Native)]
    [InlineData(LzmaBackends.Managed)]
    public void DecodeInto_FixtureCutShort_ThrowsTruncatedAndAppendsNothing(string name)
    {
        var backend = LzmaBackends.Use(name);
        var payload = Bi5Fixtures.Read(Bi5Fixtures.BtcUsdTicks);
        var columns = new TickColumns();
        foreach (var length in new[] { 1, 4, 12, 13, 20, 1_000, payload.Length / 2, payload.Length - 1 })
        {
            var e = Assert.Throws<MarketDataException>(() => Bi5TickCodec.DecodeInto(payload.AsSpan(0, length), BtcUsdHour, BtcUsd, columns, backend));
            Assert.True(e.Kind == MarketDataErrorKind.Truncated, $"cut at {length}: {e.Kind}: {e.Message}");
            Assert.Equal(0, columns.Count);
        }
    }

    [Fact]
    public void Decode_HtmlPage_ThrowsNotLzma()
    {
        var html = Encoding.UTF8.GetBytes("<!DOCTYPE html>\n<html lang=\"en-US\"><head><title>Just a moment...</title></head><body></body></html>");
        var e = Assert.Throws<MarketDataException>(() => Bi5TickCodec.Decode(html));
        Assert.Equal(MarketDataErrorKind.NotLzma, e.Kind);
    }

    [Fact]
    public void Decode_RandomBytes_ThrowsNotLzma()
    {
        var bytes = new byte[20_000];
        new Random(42).NextBytes(bytes);
        Assert.Equal(MarketDataErrorKind.NotLzma, Assert.Throws<MarketDataException>(() => Bi5TickCodec.Decode(bytes)).Kind);
    }

    [Theory]
    [InlineData(LzmaBackends.Native)]
    [InlineData(LzmaBackends.Managed)]
    public void Decode_HeaderClaimingSizeWithoutData_ThrowsTruncated(string name)
    {
        var backend = LzmaBackends.Use(name);
        var header = Bi5Fixtures.Read(Bi5Fixtures.EurUsdTicks).AsSpan(0, LzmaAloneHeader.Size).ToArray();
        Assert.Equal(MarketDataErrorKind.Truncated, Assert.Throws<MarketDataException>(() => Bi5TickCodec.Decode(header, backend)).Kind);
    }

    [Fact]
    public void DecodeInto_HourStartNotOnTheHour_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => Bi5TickCodec.DecodeInto(
            Bi5Fixtures.Read(Bi5Fixtures.EurUsdTicks), EurUsdHour.AddMinutes(30), EurUsd, new TickColumns()));

    /// <summary>
    /// Allocation, not time: after warm-up the native path decodes a file without allocating per tick. The decode
    /// buffer comes from <see cref="System.Buffers.ArrayPool{T}.Shared"/>, which drops its buffers when a gen-2 collection trims it
    /// (other tests run in parallel and collect); the next rent then allocates once. So the best of three rounds is
    /// asserted: a per-tick allocation shows in every round, a trimmed pool in one.
    /// </summary>
    [Fact]
    public void DecodeInto_WarmNativePath_AllocatesNothingPerTick()
    {
        LzmaBackends.Use(LzmaBackends.Native);
        var payload = Bi5Fixtures.Read(Bi5Fixtures.BtcUsdTicks);
        var columns = new TickColumns(10_000);
        Bi5TickCodec.DecodeInto(payload, BtcUsdHour, BtcUsd, columns, LzmaBackend.Native);
        var rounds = new long[3];
        for (var round = 0; round < rounds.Length; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 5; i++)
            {
                columns.Clear();
                Bi5TickCodec.DecodeInto(payload, BtcUsdHour, BtcUsd, columns, LzmaBackend.Native);
            }
            rounds[round] = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Assert.True(rounds.Min() < 1_024, $"bytes allocated for 5 x 8,523 ticks, per round: {string.Join(", ", rounds)}");
    }
}
