using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Tests.Ingest.Dukascopy;

namespace TickKernelExtensions.Tests.Processing.Bars;

/// <summary>
/// Bid one-minute bars built from the real EURUSD tick hour (2019-02-04 00:00–01:00 UTC) against Dukascopy's own
/// one-minute BID candles for the same day (the first 60 of its 1,440 records).
/// Conventions this pins: a candle is labelled by its open time; a minute holds the ticks in [start, start + 60 s);
/// candle volume is the bid volume sum in millions. Prices are compared exactly, in points. Volumes: Dukascopy's
/// float32 candle volume is the float32 of the exact decimal sum of the two-decimal tick volumes, while we sum the
/// float32 tick volumes in double; the representation error of each tick volume (≤ 2⁻²⁴ relative) can move the
/// float32 result by one unit in the last place, so volumes are compared within one float32 ulp (measured: 2 of
/// 60 minutes differ by exactly one ulp, the rest are equal; a decimal re-summation matches all 60 exactly).
/// </summary>
public sealed class DukascopyCandleCrossCheckTests
{
    private static readonly Instrument EurUsd = InstrumentCatalog.Default.Get("EURUSD");
    private static readonly DateTime HourStart = new(2019, 2, 4, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TimeBarBuilder_RealEurUsdHour_EqualsDukascopyBidMinuteCandles()
    {
        var (bars, candles) = Build();

        Assert.Equal(60, bars.Count);
        var maxPriceDifference = 0.0;
        var volumeUlpDifferences = 0;
        for (var i = 0; i < bars.Count; i++)
        {
            var c = candles[i];
            Assert.Equal(TickTime.ToMicros(HourStart) + (c.SecondOffset * 1_000_000L), bars.OpenTimes[i]);
            Assert.Equal(bars.OpenTimes[i] + 60_000_000L, bars.CloseTimes[i]);
            Assert.Equal(c.Open, EurUsd.ToPoints(bars.BidOpen[i]));
            Assert.Equal(c.High, EurUsd.ToPoints(bars.BidHigh[i]));
            Assert.Equal(c.Low, EurUsd.ToPoints(bars.BidLow[i]));
            Assert.Equal(c.Close, EurUsd.ToPoints(bars.BidClose[i]));
            foreach (var (price, points) in new[]
            {
                (bars.BidOpen[i], c.Open), (bars.BidHigh[i], c.High), (bars.BidLow[i], c.Low), (bars.BidClose[i], c.Close),
            })
            {
                maxPriceDifference = Math.Max(maxPriceDifference, Math.Abs(price - EurUsd.ToPrice(points)));
            }
            var ours = (float)bars.BidVolume[i];
            var ulps = Math.Abs(BitConverter.SingleToInt32Bits(ours) - BitConverter.SingleToInt32Bits(c.Volume));
            Assert.True(ulps <= 1, $"minute {i}: volume {ours} vs Dukascopy {c.Volume}");
            volumeUlpDifferences += ulps;
        }
        Assert.Equal(0.0, maxPriceDifference);
        Assert.Equal(2, volumeUlpDifferences);
    }

    [Fact]
    public void TimeBarBuilder_RealEurUsdHour_DecimalVolumeSumMatchesCandlesExactly()
    {
        var ticks = DecodeTicks();
        var candles = DecodeCandles();
        var sums = new decimal[60];
        for (var i = 0; i < ticks.Count; i++)
        {
            var minute = (int)((ticks.Timestamps[i] - TickTime.ToMicros(HourStart)) / 60_000_000L);
            sums[minute] += (decimal)ticks.BidVolumes[i];
        }

        for (var m = 0; m < 60; m++)
        {
            Assert.Equal(candles[m].Volume, (float)sums[m]);
        }
    }

    [Fact]
    public void DukascopyCandles_FlatHours_CarryThePreviousCloseWithZeroVolume()
    {
        var hours = Bi5CandleCodec.Decode(Bi5Fixtures.Read(Bi5Fixtures.EurUsdHours));
        var flats = 0;
        for (var i = 1; i < hours.Length; i++)
        {
            var c = hours[i];
            if (c.Volume == 0)
            {
                var close = hours[i - 1].Close;
                Assert.True(c.Open == close && c.High == close && c.Low == close && c.Close == close, $"hour {i}");
                flats++;
            }
        }
        Assert.Equal(192, flats);
    }

    [Fact]
    public void TimeBarBuilder_CarryForward_FillsAMissingMinuteTheWayDukascopyDoes()
    {
        var ticks = DecodeTicks();
        var start = TickTime.ToMicros(HourStart);
        var gapped = new TickColumns();
        for (var i = 0; i < ticks.Count; i++)
        {
            var minute = (ticks.Timestamps[i] - start) / 60_000_000L;
            if (minute is < 10 or > 12)
            {
                gapped.Add(ticks.Timestamps[i], ticks.Bids[i], ticks.Asks[i], ticks.BidVolumes[i], ticks.AskVolumes[i]);
            }
        }
        var bars = new BarColumns();
        var builder = new TimeBarBuilder(TimeBarOptions.DukascopyMinute);
        builder.Add(gapped, bars);
        builder.Flush(bars);

        Assert.Equal(60, bars.Count);
        for (var m = 10; m <= 12; m++)
        {
            Assert.Equal(0, bars.TickCounts[m]);
            Assert.Equal(start + (m * 60_000_000L), bars.OpenTimes[m]);
            Assert.Equal(bars.BidClose[9], bars.BidOpen[m]);
            Assert.Equal(bars.BidClose[9], bars.BidHigh[m]);
            Assert.Equal(bars.BidClose[9], bars.BidLow[m]);
            Assert.Equal(bars.BidClose[9], bars.BidClose[m]);
            Assert.Equal(0, bars.BidVolume[m]);
        }
        var skipped = new BarColumns();
        var skipping = new TimeBarBuilder(new TimeBarOptions { EmptyBars = EmptyBarPolicy.Skip });
        skipping.Add(gapped, skipped);
        skipping.Flush(skipped);
        Assert.Equal(57, skipped.Count);
    }

    internal static TickColumns DecodeTicks()
    {
        var ticks = new TickColumns();
        Bi5TickCodec.DecodeInto(Bi5Fixtures.Read(Bi5Fixtures.EurUsdTicks), HourStart, EurUsd, ticks);
        Assert.Equal(3_733, ticks.Count);
        return ticks;
    }

    private static Bi5Candle[] DecodeCandles()
    {
        var candles = Bi5CandleCodec.Decode(Bi5Fixtures.Read(Bi5Fixtures.EurUsdMinutes));
        Assert.Equal(1_440, candles.Length);
        return candles;
    }

    private static (BarColumns Bars, Bi5Candle[] Candles) Build()
    {
        var bars = new BarColumns();
        var builder = new TimeBarBuilder(TimeBarOptions.DukascopyMinute);
        builder.Add(DecodeTicks(), bars);
        builder.Flush(bars);
        return (bars, DecodeCandles());
    }
}
