using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Tests.Processing.Bars;

/// <summary>
/// The streaming time-bar builder against a plain reference (LINQ group-by over per-tick records) on the real EURUSD
/// hour, for every column the Dukascopy BID candles cannot check: ask and mid OHLC, spread statistics, tick counts
/// and both volume sums.
/// </summary>
public sealed class TimeBarReferenceTests
{
    [Theory]
    [InlineData(60)]
    [InlineData(7)]
    [InlineData(900)]
    public void TimeBarBuilder_RealHour_AgreesWithGroupByReference(int seconds)
    {
        var ticks = DukascopyCandleCrossCheckTests.DecodeTicks();
        var frame = seconds * 1_000_000L;
        var bars = BarTestTicks.Run(new TimeBarBuilder(new TimeBarOptions { Timeframe = TimeSpan.FromSeconds(seconds) }), ticks);

        var reference = Enumerable.Range(0, ticks.Count)
            .Select(i => (T: ticks.Timestamps[i], Bid: ticks.Bids[i], Ask: ticks.Asks[i], Bv: (double)ticks.BidVolumes[i], Av: (double)ticks.AskVolumes[i]))
            .GroupBy(x => x.T / frame * frame)
            .OrderBy(g => g.Key)
            .ToList();

        Assert.Equal(reference.Count, bars.Count);
        for (var i = 0; i < reference.Count; i++)
        {
            var g = reference[i].ToList();
            var mids = g.Select(x => (x.Bid + x.Ask) * 0.5).ToList();
            var spreads = g.Select(x => x.Ask - x.Bid).ToList();
            var bar = bars[i];
            Assert.Equal(reference[i].Key, bar.OpenTime);
            Assert.Equal(reference[i].Key + frame, bar.CloseTime);
            Assert.Equal(g.Count, bar.TickCount);
            Assert.Equal((g[0].Bid, g.Max(x => x.Bid), g.Min(x => x.Bid), g[^1].Bid), (bar.BidOpen, bar.BidHigh, bar.BidLow, bar.BidClose));
            Assert.Equal((g[0].Ask, g.Max(x => x.Ask), g.Min(x => x.Ask), g[^1].Ask), (bar.AskOpen, bar.AskHigh, bar.AskLow, bar.AskClose));
            Assert.Equal((mids[0], mids.Max(), mids.Min(), mids[^1]), (bar.MidOpen, bar.MidHigh, bar.MidLow, bar.MidClose));
            Assert.Equal((spreads.Min(), spreads.Max()), (bar.SpreadMin, bar.SpreadMax));
            Assert.Equal(spreads.Aggregate(0.0, (a, s) => a + s) / g.Count, bar.SpreadMean);
            Assert.Equal(g.Aggregate(0.0, (a, x) => a + x.Bv), bar.BidVolume);
            Assert.Equal(g.Aggregate(0.0, (a, x) => a + x.Av), bar.AskVolume);
        }
    }

    [Fact]
    public void TimeBarBuilder_SessionAlignedFourHours_CutsTheLastBarAtTheNextSessionOpen()
    {
        // US daylight saving starts Sunday 2024-03-10, so the session opening Saturday 17:00 EST (22:00 UTC) lasts
        // 23 hours, until Sunday 17:00 EDT (21:00 UTC): four-hour bars from 22:00 UTC, the sixth cut to 18:00–21:00.
        var builder = new TimeBarBuilder(new TimeBarOptions { Timeframe = TimeSpan.FromHours(4), SessionTimeZone = "America/New_York" });
        var saturdayEvening = TickTime.ToMicros(new DateTime(2024, 3, 9, 23, 0, 0, DateTimeKind.Utc));
        var sundayAfternoon = TickTime.ToMicros(new DateTime(2024, 3, 10, 20, 30, 0, DateTimeKind.Utc));

        Assert.Equal(
            (TickTime.ToMicros(new DateTime(2024, 3, 9, 22, 0, 0, DateTimeKind.Utc)), TickTime.ToMicros(new DateTime(2024, 3, 10, 2, 0, 0, DateTimeKind.Utc))),
            builder.Interval(saturdayEvening));
        Assert.Equal(
            (TickTime.ToMicros(new DateTime(2024, 3, 10, 18, 0, 0, DateTimeKind.Utc)), TickTime.ToMicros(new DateTime(2024, 3, 10, 21, 0, 0, DateTimeKind.Utc))),
            builder.Interval(sundayAfternoon));
    }
}
