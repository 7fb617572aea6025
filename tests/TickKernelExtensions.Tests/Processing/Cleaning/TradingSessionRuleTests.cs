using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Cleaning;

namespace TickKernelExtensions.Tests.Processing.Cleaning;

public sealed class TradingSessionRuleTests
{
    private static readonly TradingSessionRule Rule = TradingSessionRule.Default;

    private static long Utc(int y, int mo, int d, int h, int mi = 0) => TickTime.ToMicros(new DateTime(y, mo, d, h, mi, 0, DateTimeKind.Utc));

    [Theory]
    [InlineData(2024, 1, 9, 21, 59, "2024-01-09")] // 16:59 EST Tuesday: still Tuesday's session
    [InlineData(2024, 1, 9, 22, 0, "2024-01-10")]  // 17:00 EST: Wednesday's session opens
    [InlineData(2024, 7, 9, 20, 59, "2024-07-09")] // 16:59 EDT
    [InlineData(2024, 7, 9, 21, 0, "2024-07-10")]  // 17:00 EDT: one hour earlier in UTC than in winter
    public void SessionDate_AroundNewYork1700_RollsAtTheBoundary(int y, int mo, int d, int h, int mi, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Rule.SessionDate(Utc(y, mo, d, h, mi)));
    }

    [Fact]
    public void SessionBounds_MarchDstWeekend_FridayClosesOnEstAndMondayOpensOnEdt()
    {
        // US clocks spring forward on Sunday 2024-03-10 at 02:00.
        var friday = Rule.SessionBounds(new DateOnly(2024, 3, 8));
        var sunday = Rule.SessionBounds(new DateOnly(2024, 3, 10));
        var monday = Rule.SessionBounds(new DateOnly(2024, 3, 11));

        Assert.Equal(Utc(2024, 3, 8, 22), friday.EndMicros);     // Friday 17:00 EST
        Assert.Equal(Utc(2024, 3, 10, 21), monday.StartMicros);  // Sunday 17:00 EDT
        Assert.Equal(Utc(2024, 3, 11, 21), monday.EndMicros);
        Assert.Equal(23 * TickTime.MicrosPerHour, sunday.EndMicros - sunday.StartMicros); // the short session
        Assert.False(Rule.IsExpectedOpen(Utc(2024, 3, 10, 20, 59)));
        Assert.True(Rule.IsExpectedOpen(Utc(2024, 3, 10, 21, 0)));
    }

    [Fact]
    public void SessionBounds_NovemberDstWeekend_FridayClosesOnEdtAndMondayOpensOnEst()
    {
        // US clocks fall back on Sunday 2024-11-03 at 02:00.
        var friday = Rule.SessionBounds(new DateOnly(2024, 11, 1));
        var sunday = Rule.SessionBounds(new DateOnly(2024, 11, 3));
        var monday = Rule.SessionBounds(new DateOnly(2024, 11, 4));

        Assert.Equal(Utc(2024, 11, 1, 21), friday.EndMicros);    // Friday 17:00 EDT
        Assert.Equal(Utc(2024, 11, 3, 22), monday.StartMicros);  // Sunday 17:00 EST
        Assert.Equal(25 * TickTime.MicrosPerHour, sunday.EndMicros - sunday.StartMicros); // the long session
        Assert.False(Rule.IsExpectedOpen(Utc(2024, 11, 3, 21, 30)));
        Assert.True(Rule.IsExpectedOpen(Utc(2024, 11, 3, 22, 0)));
    }

    [Fact]
    public void TradingWeek_MarchDst_OpensSunday2100UtcClosesFriday2100Utc()
    {
        var (open, close) = Rule.TradingWeek(new DateOnly(2024, 3, 13));

        Assert.Equal(new DateTime(2024, 3, 10, 21, 0, 0, DateTimeKind.Utc), open);
        Assert.Equal(new DateTime(2024, 3, 15, 21, 0, 0, DateTimeKind.Utc), close);
    }

    [Fact]
    public void IsTradingDay_WeekendAndDefaultHolidays_Closed()
    {
        Assert.False(Rule.IsTradingDay(new DateOnly(2024, 3, 9)));   // Saturday
        Assert.False(Rule.IsTradingDay(new DateOnly(2024, 3, 10)));  // Sunday
        Assert.False(Rule.IsTradingDay(new DateOnly(2024, 12, 25))); // Wednesday, Christmas
        Assert.False(Rule.IsTradingDay(new DateOnly(2025, 1, 1)));   // Wednesday, New Year
        Assert.True(Rule.IsTradingDay(new DateOnly(2024, 12, 24)));
    }

    [Fact]
    public void TagSessions_TicksAcrossTheBoundary_EachGetsItsTradingDay()
    {
        long[] ts = [Utc(2024, 3, 11, 20, 59), Utc(2024, 3, 11, 21, 0), Utc(2024, 3, 12, 10), Utc(2024, 3, 12, 21, 0)];
        var sessions = new DateOnly[ts.Length];

        Rule.TagSessions(ts, sessions);

        Assert.Equal([new(2024, 3, 11), new(2024, 3, 12), new(2024, 3, 12), new(2024, 3, 13)], sessions);
    }

    [Fact]
    public void IsExpectedOpen_DefaultRule_AgreesWithTradingCalendarEveryHourOfAYear()
    {
        var eurUsd = InstrumentCatalog.Default.Get("EURUSD");
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var weekendOnly = new TradingSessionRule { AnnualHolidays = [] };
        for (var h = 0; h < 366 * 24; h++)
        {
            var t = start.AddHours(h);
            Assert.Equal(TradingCalendar.IsOpen(eurUsd, t), weekendOnly.IsExpectedOpen(TickTime.ToMicros(t)));
        }
    }

    [Fact]
    public void SessionDate_UtcMidnightRule_IsTheCalendarDay()
    {
        var rule = TradingSessionRule.AlwaysOpen;

        Assert.Equal(new DateOnly(2024, 3, 9), rule.SessionDate(Utc(2024, 3, 9, 23, 59)));
        Assert.Equal((Utc(2024, 3, 9, 0), Utc(2024, 3, 10, 0)), rule.SessionBounds(new DateOnly(2024, 3, 9)));
        Assert.True(rule.IsExpectedOpen(Utc(2024, 3, 9, 12)));
    }
}
