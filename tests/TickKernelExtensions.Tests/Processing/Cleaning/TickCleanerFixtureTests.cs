using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Cleaning;
using TickKernelExtensions.Tests.Ingest.Dukascopy;

namespace TickKernelExtensions.Tests.Processing.Cleaning;

/// <summary>The cleaner on real Dukascopy hours (../shared/fixtures): clean data must come through nearly untouched.</summary>
public sealed class TickCleanerFixtureTests
{
    private static TickColumns Decode(string fixture, string symbol, DateTime hourUtc)
    {
        var ticks = new TickColumns();
        Bi5TickCodec.DecodeInto(Bi5Fixtures.Read(fixture), hourUtc, InstrumentCatalog.Default.Get(symbol), ticks);
        return ticks;
    }

    [Fact]
    public void CleanDay_RealEurUsdHour_KeepsAll3733TicksAndFlagsNone()
    {
        var hour = new DateTime(2019, 2, 4, 0, 0, 0, DateTimeKind.Utc); // Monday 00:00-01:00 UTC
        var input = Decode(Bi5Fixtures.EurUsdTicks, "EURUSD", hour);

        var (ticks, flags, report) = TickCleaner.CleanDay("EURUSD", new DateOnly(2019, 2, 4), input);

        Assert.Equal(3_733, report.InputTicks);
        Assert.Equal(3_733, report.KeptTicks); // no NaN, crossed, repeated or out-of-order tick in this hour
        Assert.Equal(0, report.DroppedTicks);
        Assert.Equal(input.Timestamps.ToArray(), ticks.Timestamps.ToArray());
        Assert.Equal(0, report.Flagged(TickFlags.Spike));
        Assert.Equal(0, report.FlaggedTicks); // no spike, wide spread or gap inside the hour either
        Assert.Equal(report.FlaggedTicks, flags.Count(f => f != TickFlags.None));
        // Only the hour is present: the rest of the (open) day is one missing gap of 23 hours.
        var gap = Assert.Single(report.Gaps);
        Assert.Equal(GapKind.Missing, gap.Kind);
        Assert.Equal(TickTime.ToMicros(hour.AddDays(1)), gap.EndMicros);
        Assert.True(gap.Duration > TimeSpan.FromHours(23));
    }

    [Fact]
    public void CleanDay_RealBtcUsdHour_KeepsEveryTickAndFlagsOneRealStepUntilReanchored()
    {
        var hour = new DateTime(2023, 2, 20, 12, 0, 0, DateTimeKind.Utc);
        var input = Decode(Bi5Fixtures.BtcUsdTicks, "BTCUSD", hour);
        var options = new TickCleaningOptions { Gaps = new GapDetectionOptions { Sessions = TradingSessionRule.AlwaysOpen } };

        var (_, _, report) = TickCleaner.CleanDay("BTCUSD", new DateOnly(2023, 2, 20), input, options);

        Assert.Equal(8_523, report.InputTicks);
        Assert.Equal(8_523, report.KeptTicks);
        Assert.Equal(0, report.DroppedTicks);
        // One real $20 step (0.08 %) in a window whose MAD is about $1.2: its first four ticks are flagged, then the
        // filter re-anchors on the new level. The first tick of the hour ends the empty 12 hours before it.
        Assert.Equal(4, report.Flagged(TickFlags.Spike));
        Assert.Equal(1, report.SpikeReanchors);
        Assert.Equal(1, report.Flagged(TickFlags.AfterGap));
        Assert.Equal(5, report.FlaggedTicks);
        Assert.Equal(2, report.MissingGaps); // the day outside the hour, before and after
    }
}
