using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Cleaning;

namespace TickKernelExtensions.Tests.Processing.Cleaning;

public sealed class GapDetectorTests
{
    private static long Utc(int y, int mo, int d, int h, int mi = 0) => TickTime.ToMicros(new DateTime(y, mo, d, h, mi, 0, DateTimeKind.Utc));

    [Fact]
    public void Detect_WinterWeekend_OneExpectedClosure()
    {
        // Last tick Friday 21:59 UTC (16:59 EST), next Sunday 22:00 UTC (17:00 EST).
        long[] ts = [Utc(2024, 1, 12, 21, 58), Utc(2024, 1, 12, 21, 59), Utc(2024, 1, 14, 22, 0), Utc(2024, 1, 14, 22, 0) + 1];

        var gaps = GapDetector.Detect(ts);

        var gap = Assert.Single(gaps);
        Assert.Equal(GapKind.ExpectedClosure, gap.Kind);
        Assert.Equal(TimeSpan.FromMinutes(1), gap.OpenMarketDuration);
        Assert.Equal(new DateTime(2024, 1, 12, 21, 59, 0, DateTimeKind.Utc), gap.StartUtc);
    }

    [Fact]
    public void Detect_ChristmasHoliday_ExpectedClosure()
    {
        // Wednesday 25 Dec 2024: the session from Tue 24th 17:00 EST to Wed 25th 17:00 EST (22:00 UTC) is closed.
        long[] ts = [Utc(2024, 12, 24, 21, 59), Utc(2024, 12, 25, 22, 0), Utc(2024, 12, 25, 22, 0) + 10];

        var gap = Assert.Single(GapDetector.Detect(ts));

        Assert.Equal(GapKind.ExpectedClosure, gap.Kind);
        Assert.Equal(TimeSpan.FromMinutes(1), gap.OpenMarketDuration);
    }

    [Fact]
    public void Detect_ChristmasWithoutHolidayList_Missing()
    {
        long[] ts = [Utc(2024, 12, 24, 21, 59), Utc(2024, 12, 25, 22, 0)];
        var options = new GapDetectionOptions { Sessions = new TradingSessionRule { AnnualHolidays = [] } };

        var gap = Assert.Single(GapDetector.Detect(ts, options));

        Assert.Equal(GapKind.Missing, gap.Kind);
    }

    [Fact]
    public void Detect_MissingHourOnATuesday_Missing()
    {
        long[] ts = [Utc(2024, 3, 12, 10), Utc(2024, 3, 12, 11), Utc(2024, 3, 12, 11) + 1_000_000];

        var gap = Assert.Single(GapDetector.Detect(ts));

        Assert.Equal(GapKind.Missing, gap.Kind);
        Assert.Equal(TimeSpan.FromHours(1), gap.OpenMarketDuration);
        Assert.Equal(TimeSpan.FromHours(1), gap.Duration);
    }

    [Fact]
    public void Detect_GapAtTheThreshold_NotAGap()
    {
        long[] ts = [Utc(2024, 3, 12, 10), Utc(2024, 3, 12, 10, 1)];

        Assert.Empty(GapDetector.Detect(ts));
        Assert.Single(GapDetector.Detect([ts[0], ts[1] + 1]));
    }

    [Fact]
    public void Detect_WithWindow_ReportsEmptyStartAndEndOfDay()
    {
        long[] ts = [Utc(2024, 3, 12, 1), Utc(2024, 3, 12, 23)];

        var gaps = GapDetector.Detect(ts, null, Utc(2024, 3, 12, 0), Utc(2024, 3, 13, 0));

        Assert.Equal(3, gaps.Count);
        Assert.All(gaps, g => Assert.Equal(GapKind.Missing, g.Kind));
        Assert.Equal(TimeSpan.FromHours(1), gaps[0].Duration);
        Assert.Equal(TimeSpan.FromHours(1), gaps[2].Duration);
    }

    [Fact]
    public void Detect_SaturdayWithNoTicks_WholeDayExpectedClosure()
    {
        var gaps = GapDetector.Detect([], null, Utc(2024, 3, 9, 0), Utc(2024, 3, 10, 0));

        var gap = Assert.Single(gaps);
        Assert.Equal(GapKind.ExpectedClosure, gap.Kind);
        Assert.Equal(0, gap.OpenMarketMicros);
    }

    [Fact]
    public void Detect_CryptoRuleOverWeekend_Missing()
    {
        long[] ts = [Utc(2024, 3, 9, 10), Utc(2024, 3, 9, 12)];
        var options = new GapDetectionOptions { Sessions = TradingSessionRule.AlwaysOpen };

        Assert.Equal(GapKind.Missing, Assert.Single(GapDetector.Detect(ts, options)).Kind);
    }
}
