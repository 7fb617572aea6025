using System.Text;
using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Market;
using TickKernelExtensions.Tests.Support;

namespace TickKernelExtensions.Tests.Ingest.Dukascopy;

public sealed class JsonApiCodecTests
{
    private const string BtcTicks = "dukascopy/jetta-json/ticks-BTC-USD-2023-2-20-12.json";
    private const string EmptyCandles = "dukascopy/jetta-json/candles-minute-EUR-USD-BID-2026-7-11-empty.json";
    private static readonly DateTime BtcUsdHour = new(2023, 2, 20, 12, 0, 0, DateTimeKind.Utc);
    private static Instrument EurUsd => InstrumentCatalog.Default.Get("EURUSD");
    private static Instrument BtcUsd => InstrumentCatalog.Default.Get("BTCUSD");

    [Fact]
    public void DecodeTicksInto_BtcFixture_SameTimestampsAndPricesAsBi5ForAll8523Ticks()
    {
        var fromJson = new TickColumns();
        var fromBi5 = new TickColumns();
        var count = JsonApiCodec.DecodeTicksInto(File.ReadAllBytes(Fixtures.Path(BtcTicks)), BtcUsd, fromJson);
        Bi5TickCodec.DecodeInto(Bi5Fixtures.Read(Bi5Fixtures.BtcUsdTicks), BtcUsdHour, BtcUsd, fromBi5);
        Assert.Equal(8_523, count);
        Assert.Equal(fromBi5.Count, fromJson.Count);
        Assert.True(fromBi5.Timestamps.SequenceEqual(fromJson.Timestamps));
        Assert.True(fromBi5.Asks.SequenceEqual(fromJson.Asks));
        Assert.True(fromBi5.Bids.SequenceEqual(fromJson.Bids));
    }

    [Fact]
    public void DecodeTicksInto_BtcFixture_FirstTickHasBasePricesAndVolumesInMillions()
    {
        var columns = new TickColumns();
        JsonApiCodec.DecodeTicksInto(File.ReadAllBytes(Fixtures.Path(BtcTicks)), BtcUsd, columns);
        Assert.Equal(new DateTime(2023, 2, 20, 12, 0, 0, 84, DateTimeKind.Utc), columns.TimeAt(0));
        Assert.Equal((24921.5, 24849.4), (columns.Asks[0], columns.Bids[0]));
        Assert.Equal((float)(1.48 / 1e6), columns.AskVolumes[0]);
        Assert.Equal((float)(13.0 / 1e6), columns.BidVolumes[0]);
    }

    [Fact]
    public void DecodeTicksInto_NonEmptyTarget_AppendsAfterExistingTicks()
    {
        var columns = new TickColumns(2);
        columns.Add(5, 1, 2, 3, 4);
        var json = """{"timestamp":1000,"multiplier":0.1,"ask":10.5,"bid":10.1,"times":[1,2],"asks":[0,3],"bids":[0,-1],"askVolumes":[1e6,2e6],"bidVolumes":[3e6,4e6]}"""u8;
        Assert.Equal(2, JsonApiCodec.DecodeTicksInto(json, BtcUsd, columns));
        Assert.Equal([5L, 1_001_000L, 1_003_000L], columns.Timestamps.ToArray());
        Assert.Equal([2.0, 10.5, 10.8], columns.Asks.ToArray());
        Assert.Equal([1.0, 10.1, 10.0], columns.Bids.ToArray());
        Assert.Equal([4f, 1f, 2f], columns.AskVolumes.ToArray());
        Assert.Equal([3f, 3f, 4f], columns.BidVolumes.ToArray());
    }

    [Fact]
    public void DecodeTicksInto_EmptyBucket_AppendsNothing()
    {
        var json = """{"timestamp":1783728000000,"multiplier":1.0E-5,"ask":null,"bid":null,"times":[],"asks":[],"bids":[],"askVolumes":[],"bidVolumes":[]}"""u8;
        var columns = new TickColumns();
        Assert.Equal(0, JsonApiCodec.DecodeTicksInto(json, EurUsd, columns));
        Assert.Equal(0, columns.Count);
    }

    [Fact]
    public void DecodeTicksInto_MultiplierOfAnotherInstrument_ThrowsCorruptPayloadNamingBoth()
    {
        var e = Assert.Throws<MarketDataException>(() =>
            JsonApiCodec.DecodeTicksInto(File.ReadAllBytes(Fixtures.Path(BtcTicks)), EurUsd, new TickColumns()));
        Assert.Equal(MarketDataErrorKind.CorruptPayload, e.Kind);
        Assert.Equal("multiplier", e.Field);
        Assert.Equal("0.1", e.Actual);
        Assert.Contains("EURUSD", e.Message, StringComparison.Ordinal);
        Assert.Contains("100000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeTicksInto_CutInHalf_ThrowsCorruptPayloadWithFieldAndLine()
    {
        var bytes = File.ReadAllBytes(Fixtures.Path(BtcTicks));
        var columns = new TickColumns();
        var e = Assert.Throws<MarketDataException>(() => JsonApiCodec.DecodeTicksInto(bytes.AsSpan(0, bytes.Length / 2), BtcUsd, columns));
        Assert.Equal(MarketDataErrorKind.CorruptPayload, e.Kind);
        Assert.NotNull(e.Field);
        Assert.Equal(1, e.Line);
        Assert.Equal(0, columns.Count);
    }

    [Theory]
    [InlineData("""[1,2,3]""", "$")]
    [InlineData("""{"timestamp":"x","times":[]}""", "timestamp")]
    [InlineData("""{"timestamp":0,"multiplier":0.1,"ask":1,"bid":1,"times":"x","asks":[],"bids":[],"askVolumes":[],"bidVolumes":[]}""", "times")]
    [InlineData("""{"timestamp":0,"multiplier":0.1,"ask":1,"bid":1,"times":[1],"asks":[1.5],"bids":[0],"askVolumes":[1],"bidVolumes":[1]}""", "asks")]
    [InlineData("""{"timestamp":0,"multiplier":0.1,"ask":1,"bid":1,"times":[1],"asks":[0],"bids":[0,1],"askVolumes":[1],"bidVolumes":[1]}""", "bids")]
    [InlineData("""{"timestamp":0,"multiplier":0.1,"ask":1,"bid":1,"times":[1],"asks":[0],"bids":[0],"bidVolumes":[1]}""", "askVolumes")]
    [InlineData("""{"timestamp":0,"multiplier":0.1,"ask":null,"bid":1,"times":[1],"asks":[0],"bids":[0],"askVolumes":[1],"bidVolumes":[1]}""", "ask")]
    [InlineData("""{"timestamp":0,"multiplier":0.1,"ask":1,"bid":1,"times":[1],"asks":[0],"bids":[0],"askVolumes":[null],"bidVolumes":[1]}""", "askVolumes")]
    [InlineData("""{"timestamp":0,"multiplier":0.1,"ask":1,"bid":1,"times":[1],"times":[1],"asks":[0],"bids":[0],"askVolumes":[1],"bidVolumes":[1]}""", "times")]
    [InlineData("""{"timestamp":0,"multiplier":0.1,"ask":1,"bid":1,"times":[1,-2],"asks":[0,0],"bids":[0,0],"askVolumes":[1,1],"bidVolumes":[1,1]}""", "times")]
    [InlineData("""{"timestamp":0,"times":[]} {}""", "$")]
    [InlineData("""{"timestamp":0,"times":[1,}""", "times")]
    public void DecodeTicksInto_WrongShape_ThrowsCorruptPayloadNamingTheField(string json, string field)
    {
        var columns = new TickColumns();
        columns.Add(1, 1, 1, 1, 1);
        var e = Assert.Throws<MarketDataException>(() => JsonApiCodec.DecodeTicksInto(Encoding.UTF8.GetBytes(json), BtcUsd, columns));
        Assert.Equal(MarketDataErrorKind.CorruptPayload, e.Kind);
        Assert.Equal(field, e.Field);
        Assert.Equal(1, columns.Count);
    }

    [Fact]
    public void DecodeTicksInto_UnknownFieldsAndByteOrderMark_AreIgnored()
    {
        var json = Encoding.UTF8.GetBytes("\uFEFF" + """{"extra":{"a":[1,{"b":2}]},"timestamp":0,"multiplier":0.1,"ask":1,"bid":1,"times":[5],"asks":[0],"bids":[0],"askVolumes":[1],"bidVolumes":[1]}""");
        var columns = new TickColumns();
        Assert.Equal(1, JsonApiCodec.DecodeTicksInto(json, BtcUsd, columns));
        Assert.Equal(5_000, columns.Timestamps[0]);
    }

    [Fact]
    public void DecodeCandles_EmptyFixture_GivesNoCandles() =>
        Assert.Empty(JsonApiCodec.DecodeCandles(File.ReadAllBytes(Fixtures.Path(EmptyCandles)), EurUsd));

    [Fact]
    public void DecodeCandles_GapInTimes_PlacesEachCandleAtItsOwnTimeWithoutFlatFill()
    {
        // Three minute candles: 00:00, 00:01, then a 3-step gap to 00:04.
        var json = """
            {"timestamp":1783641600000,"multiplier":1.0E-5,"open":1.14331,"high":1.14334,"low":1.14322,"close":1.14324,
             "shift":60000,"times":[0,1,3],"opens":[0,-8,9],"highs":[0,1,4],"lows":[0,-4,5],"closes":[0,9,-2],
             "volumes":[197.1,104.85,103.5]}
            """u8;
        var candles = JsonApiCodec.DecodeCandles(json, EurUsd);
        var start = DateTimeOffset.FromUnixTimeMilliseconds(1783641600000).UtcDateTime;
        Assert.Equal(
            [
                new JsonCandle(start, 1.14331, 1.14334, 1.14322, 1.14324, 197.1),
                new JsonCandle(start.AddMinutes(1), 1.14323, 1.14335, 1.14318, 1.14333, 104.85),
                new JsonCandle(start.AddMinutes(4), 1.14332, 1.14339, 1.14323, 1.14331, 103.5),
            ],
            candles);
        Assert.All(candles, c => Assert.Equal(DateTimeKind.Utc, c.StartUtc.Kind));
    }

    [Fact]
    public void DecodeCandles_MultiplierOfAnotherInstrument_ThrowsCorruptPayload()
    {
        var e = Assert.Throws<MarketDataException>(() => JsonApiCodec.DecodeCandles(File.ReadAllBytes(Fixtures.Path(EmptyCandles)), BtcUsd));
        Assert.Equal(("multiplier", MarketDataErrorKind.CorruptPayload), (e.Field, e.Kind));
    }

    [Theory]
    [InlineData("""{"timestamp":0,"multiplier":0.1,"open":1,"high":1,"low":1,"close":1,"shift":60000,"times":[0,0],"opens":[0,0],"highs":[0,0],"lows":[0,0],"closes":[0,0],"volumes":[1,1]}""", "times")]
    [InlineData("""{"timestamp":0,"multiplier":0.1,"open":1,"high":1,"low":1,"close":1,"shift":0,"times":[0],"opens":[0],"highs":[0],"lows":[0],"closes":[0],"volumes":[1]}""", "shift")]
    [InlineData("""{"timestamp":0,"multiplier":0.1,"open":1,"high":1,"low":1,"close":1,"times":[0],"opens":[0],"highs":[0],"lows":[0],"closes":[0],"volumes":[1]}""", "shift")]
    [InlineData("""{"timestamp":0,"multiplier":0.1,"open":1,"high":null,"low":1,"close":1,"shift":60000,"times":[0],"opens":[0],"highs":[0],"lows":[0],"closes":[0],"volumes":[1]}""", "high")]
    [InlineData("""{"timestamp":0,"multiplier":0.1,"open":1,"high":1,"low":1,"close":1,"shift":60000,"times":[0],"opens":[0],"highs":[0],"lows":[0],"closes":[0,1],"volumes":[1]}""", "closes")]
    [InlineData("""{"timestamp":0,"multiplier":0.1,"open":1,"high":1,"low":1,"close":1,"shift":60000,"times":[0],"opens":[0],"highs":[0],"lows":[0],"closes":[0]}""", "volumes")]
    [InlineData("""{"timestamp":0,"multiplier":0.1,"open":1,"high":1,"low":1,"close":1,"shift":60000,"times":[0],"opens":{},"highs":[0],"lows":[0],"closes":[0],"volumes":[1]}""", "opens")]
    [InlineData("""{"timestamp":0,"multiplier":0.1,"times":[0],"opens":[0],"highs":[0],"lows":[0],"closes":[0],"volumes":[1""", "volumes")]
    public void DecodeCandles_WrongShape_ThrowsCorruptPayloadNamingTheField(string json, string field)
    {
        var e = Assert.Throws<MarketDataException>(() => JsonApiCodec.DecodeCandles(Encoding.UTF8.GetBytes(json), BtcUsd));
        Assert.Equal(MarketDataErrorKind.CorruptPayload, e.Kind);
        Assert.Equal(field, e.Field);
    }
}
