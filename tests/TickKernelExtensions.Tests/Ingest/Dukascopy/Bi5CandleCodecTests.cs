using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Ingest.Dukascopy.Lzma;
using TickKernelExtensions.Market;
using TickKernelExtensions.Tests.Ingest.Dukascopy.Lzma;

namespace TickKernelExtensions.Tests.Ingest.Dukascopy;

public sealed class Bi5CandleCodecTests
{
    public static TheoryData<string, string, string, int> CandleFixtures => new()
    {
        { LzmaBackends.Native, Bi5Fixtures.EurUsdMinutes, ExpectedRecords.EurUsdMinutes, 1_440 },
        { LzmaBackends.Managed, Bi5Fixtures.EurUsdMinutes, ExpectedRecords.EurUsdMinutes, 1_440 },
        { LzmaBackends.Native, Bi5Fixtures.EurUsdHours, ExpectedRecords.EurUsdHours, 672 },
        { LzmaBackends.Managed, Bi5Fixtures.EurUsdHours, ExpectedRecords.EurUsdHours, 672 },
        { LzmaBackends.Native, Bi5Fixtures.EurUsdDays, ExpectedRecords.EurUsdDays, 365 },
        { LzmaBackends.Managed, Bi5Fixtures.EurUsdDays, ExpectedRecords.EurUsdDays, 365 },
    };

    [Theory]
    [MemberData(nameof(CandleFixtures))]
    public void Decode_Fixture_EqualsUpstreamExpectationForEveryRecord(string name, string fixture, string expectation, int records)
    {
        var backend = LzmaBackends.Use(name);
        var expected = ExpectedRecords.Read(expectation);
        var candles = Bi5CandleCodec.Decode(Bi5Fixtures.Read(fixture), backend);
        Assert.Equal(records, expected.Length);
        Assert.Equal(records, candles.Length);
        for (var i = 0; i < candles.Length; i++)
        {
            var (e, c) = (expected[i], candles[i]);
            Assert.Equal(((uint)e[0], (uint)e[1], (uint)e[2], (uint)e[3], (uint)e[4]), (c.SecondOffset, c.Open, c.Close, c.Low, c.High));
            Assert.Equal(ExpectedRecords.Float32Bits(e[5]), ExpectedRecords.Bits(c.Volume));
        }
    }

    [Fact]
    public void Decode_MinuteFixture_FirstCandleIsOpenCloseLowHigh() =>
        Assert.Equal(new Bi5Candle(0, 114543, 114569, 114542, 114570, 293.76f), Bi5CandleCodec.Decode(Bi5Fixtures.Read(Bi5Fixtures.EurUsdMinutes))[0]);

    [Theory]
    [InlineData(Bi5Fixtures.EurUsdHours, 192)]
    [InlineData(Bi5Fixtures.EurUsdDays, 52)]
    public void Decode_DenseFile_HasTheExpectedFlatZeroVolumeCandles(string fixture, int flats)
    {
        var candles = Bi5CandleCodec.Decode(Bi5Fixtures.Read(fixture));
        Assert.Equal(flats, candles.Count(c => c.Volume == 0 && c.Open == c.Close && c.Open == c.Low && c.Open == c.High));
    }

    [Fact]
    public void Decode_DayFixture_FlatCandlesAreAllSaturdays()
    {
        var start = new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var flats = Bi5CandleCodec.Decode(Bi5Fixtures.Read(Bi5Fixtures.EurUsdDays)).Where(c => c.Volume == 0);
        Assert.All(flats, c => Assert.Equal(DayOfWeek.Saturday, start.AddSeconds(c.SecondOffset).DayOfWeek));
    }

    [Theory]
    [InlineData(Bi5Fixtures.EurUsdMinutes)]
    [InlineData(Bi5Fixtures.EurUsdHours)]
    [InlineData(Bi5Fixtures.EurUsdDays)]
    public void Decode_EveryCandle_LowAtMostOpenAndCloseAtMostHigh(string fixture) =>
        Assert.All(Bi5CandleCodec.Decode(Bi5Fixtures.Read(fixture)), c =>
        {
            Assert.True(c.Low <= Math.Min(c.Open, c.Close), $"{c}");
            Assert.True(Math.Max(c.Open, c.Close) <= c.High, $"{c}");
        });

    [Fact]
    public void Decode_EmptyPayload_GivesNoCandles() => Assert.Empty(Bi5CandleCodec.Decode(Bi5Fixtures.Read(Bi5Fixtures.Empty)));

    [Fact]
    public void Encode_NoCandles_GivesEmptyPayload() => Assert.Empty(Bi5CandleCodec.Encode([]));

    [Theory]
    [InlineData(LzmaBackends.Native, LzmaBackends.Native)]
    [InlineData(LzmaBackends.Native, LzmaBackends.Managed)]
    [InlineData(LzmaBackends.Managed, LzmaBackends.Native)]
    [InlineData(LzmaBackends.Managed, LzmaBackends.Managed)]
    public void Encode_ThenDecode_RoundTripsBitForBitIncludingAwkwardFloats(string encoder, string decoder)
    {
        var encode = LzmaBackends.Use(encoder);
        var decode = LzmaBackends.Use(decoder);
        var awkward = ExpectedRecords.AwkwardFloats;
        var candles = Bi5CandleCodec.Decode(Bi5Fixtures.Read(Bi5Fixtures.EurUsdMinutes))
            .Select((c, i) => c with { Volume = awkward[i % awkward.Length] })
            .Append(new Bi5Candle(uint.MaxValue, uint.MaxValue, 0, 1, 2, float.NaN))
            .ToArray();
        var decoded = Bi5CandleCodec.Decode(Bi5CandleCodec.Encode(candles, encode), decode);
        Assert.Equal(candles.Length, decoded.Length);
        for (var i = 0; i < candles.Length; i++)
        {
            Assert.Equal((candles[i].SecondOffset, candles[i].Open, candles[i].Close, candles[i].Low, candles[i].High),
                (decoded[i].SecondOffset, decoded[i].Open, decoded[i].Close, decoded[i].Low, decoded[i].High));
            Assert.Equal(ExpectedRecords.Bits(candles[i].Volume), ExpectedRecords.Bits(decoded[i].Volume));
        }
    }

    [Fact]
    public void Decode_LengthNotAMultipleOf24_ThrowsCorruptPayload()
    {
        var e = Assert.Throws<MarketDataException>(() => Bi5CandleCodec.Decode(LzmaAlone.Encode(new byte[40])));
        Assert.Equal(MarketDataErrorKind.CorruptPayload, e.Kind);
        Assert.Equal("40", e.Actual);
    }

    [Theory]
    [InlineData(LzmaBackends.Native)]
    [InlineData(LzmaBackends.Managed)]
    public void Decode_FixtureCutShort_ThrowsTruncated(string name)
    {
        var backend = LzmaBackends.Use(name);
        var payload = Bi5Fixtures.Read(Bi5Fixtures.EurUsdHours);
        foreach (var length in new[] { 3, 13, 14, 500, payload.Length - 1 })
        {
            Assert.Equal(MarketDataErrorKind.Truncated,
                Assert.Throws<MarketDataException>(() => Bi5CandleCodec.Decode(payload.AsSpan(0, length), backend)).Kind);
        }
    }
}
