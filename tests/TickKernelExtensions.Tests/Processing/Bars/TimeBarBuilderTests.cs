using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Bars;
using static TickKernelExtensions.Tests.Processing.Bars.BarTestTicks;

namespace TickKernelExtensions.Tests.Processing.Bars;

public sealed class TimeBarBuilderTests
{
    [Fact]
    public void Add_HandMadeTicks_GivesHandComputedMinuteBars()
    {
        var bars = Run(new TimeBarBuilder(new TimeBarOptions()), Six());

        Assert.Equal(3, bars.Count);
        Assert.Equal([T0, T0 + (2 * Minute), T0 + (3 * Minute)], bars.OpenTimes.ToArray());
        Assert.Equal([T0 + Minute, T0 + (3 * Minute), T0 + (4 * Minute)], bars.CloseTimes.ToArray());
        Assert.Equal([3, 2, 1], bars.TickCounts.ToArray());
        var first = bars[0];
        Assert.Equal((1.00, 1.25, 0.75, 0.75), (first.BidOpen, first.BidHigh, first.BidLow, first.BidClose));
        Assert.Equal((1.50, 1.50, 1.25, 1.25), (first.AskOpen, first.AskHigh, first.AskLow, first.AskClose));
        Assert.Equal((1.25, 1.375, 1.0, 1.0), (first.MidOpen, first.MidHigh, first.MidLow, first.MidClose));
        Assert.Equal((0.5 + 0.25 + 0.5) / 3, first.SpreadMean);
        Assert.Equal((0.25, 0.5), (first.SpreadMin, first.SpreadMax));
        Assert.Equal((6.0, 3.0), (first.BidVolume, first.AskVolume));
        var second = bars[1];
        Assert.Equal((2.00, 2.00, 1.50, 1.50), (second.BidOpen, second.BidHigh, second.BidLow, second.BidClose));
        Assert.Equal((2.25, 2.25, 2.00, 2.00), (second.MidOpen, second.MidHigh, second.MidLow, second.MidClose));
        Assert.Equal((0.75, 0.5, 1.0), (second.SpreadMean, second.SpreadMin, second.SpreadMax));
        Assert.True(double.IsNaN(second.BidVolume));
        Assert.Equal(8.0, second.AskVolume);
    }

    [Fact]
    public void Add_CarryForward_EmitsAFlatBarForTheEmptyMinute()
    {
        var bars = Run(new TimeBarBuilder(new TimeBarOptions { EmptyBars = EmptyBarPolicy.CarryForward }), Six());

        Assert.Equal(4, bars.Count);
        var flat = bars[1];
        Assert.Equal(Bar.Flat(bars[0], T0 + Minute, T0 + (2 * Minute)), flat);
        Assert.Equal(0, flat.TickCount);
        Assert.Equal((0.75, 0.75, 0.75, 0.75), (flat.BidOpen, flat.BidHigh, flat.BidLow, flat.BidClose));
        Assert.Equal((1.25, 1.0, 0.0, 0.0), (flat.AskClose, flat.MidClose, flat.BidVolume, flat.AskVolume));
        Assert.Equal((0.5, 0.5, 0.5), (flat.SpreadMean, flat.SpreadMin, flat.SpreadMax));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(1_000)]
    public void Add_RealHourInChunks_EqualsWholeFeeding(int chunk)
    {
        var ticks = DukascopyCandleCrossCheckTests.DecodeTicks();
        foreach (var options in new[]
        {
            new TimeBarOptions { Timeframe = TimeSpan.FromSeconds(10), EmptyBars = EmptyBarPolicy.CarryForward },
            new TimeBarOptions { Timeframe = TimeSpan.FromMinutes(5) },
            new TimeBarOptions { Timeframe = TimeSpan.FromDays(1), SessionTimeZone = "America/New_York" },
        })
        {
            var whole = Run(new TimeBarBuilder(options), ticks);
            var chunked = Run(new TimeBarBuilder(options), ticks, chunk);
            AssertIdentical(whole, chunked);
        }
    }

    [Fact]
    public void Interval_SessionAlignedDaily_StartsAt17NewYorkAndFollowsDaylightSaving()
    {
        var builder = new TimeBarBuilder(new TimeBarOptions { Timeframe = TimeSpan.FromDays(1), SessionTimeZone = "America/New_York" });
        var winter = TickTime.ToMicros(new DateTime(2024, 1, 10, 12, 0, 0, DateTimeKind.Utc));
        var summer = TickTime.ToMicros(new DateTime(2024, 7, 10, 21, 30, 0, DateTimeKind.Utc));
        var dstSunday = TickTime.ToMicros(new DateTime(2024, 3, 10, 12, 0, 0, DateTimeKind.Utc));

        Assert.Equal(
            (TickTime.ToMicros(new DateTime(2024, 1, 9, 22, 0, 0, DateTimeKind.Utc)), TickTime.ToMicros(new DateTime(2024, 1, 10, 22, 0, 0, DateTimeKind.Utc))),
            builder.Interval(winter));
        Assert.Equal(
            (TickTime.ToMicros(new DateTime(2024, 7, 10, 21, 0, 0, DateTimeKind.Utc)), TickTime.ToMicros(new DateTime(2024, 7, 11, 21, 0, 0, DateTimeKind.Utc))),
            builder.Interval(summer));
        var (start, end) = builder.Interval(dstSunday);
        Assert.Equal(23L * 3_600_000_000, end - start);
    }

    [Fact]
    public void Add_UtcDailyBars_AlignToMidnight()
    {
        var builder = new TimeBarBuilder(new TimeBarOptions { Timeframe = TimeSpan.FromDays(1) });
        Assert.Equal((T0, T0 + TickTime.MicrosPerDay), builder.Interval(T0 + (13 * Minute)));
        Assert.Equal((T0 - TickTime.MicrosPerDay, T0), builder.Interval(T0 - 1));
    }

    [Fact]
    public void Add_TickEarlierThanPreviousChunk_ThrowsInvalidTick()
    {
        var builder = new TimeBarBuilder(new TimeBarOptions());
        var bars = new BarColumns();
        builder.Add(Six(), bars);
        var late = new TickColumns();
        late.Add(T0, 1, 2, 1, 1);

        var e = Assert.Throws<MarketDataException>(() => builder.Add(late, bars));
        Assert.Equal(MarketDataErrorKind.InvalidTick, e.Kind);
    }

    [Fact]
    public void Constructor_BadOptions_ReportsEveryField()
    {
        var e = Assert.Throws<MarketDataException>(() => new TimeBarBuilder(new TimeBarOptions
        {
            Timeframe = TimeSpan.FromDays(2),
            SessionTimeZone = "Nowhere/Atlantis",
        }));
        Assert.Equal(MarketDataErrorKind.InvalidOptions, e.Kind);
        Assert.Contains("Timeframe", e.Message, StringComparison.Ordinal);
        Assert.Contains("Nowhere/Atlantis", e.Message, StringComparison.Ordinal);
        Assert.Throws<MarketDataException>(() => new TimeBarBuilder(new TimeBarOptions { Timeframe = TimeSpan.Zero }));
    }
}
