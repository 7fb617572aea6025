using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Market;

public sealed class TradingCalendarTests
{
    private static readonly Instrument EurUsd = InstrumentCatalog.Default.Get("EURUSD");
    private static readonly Instrument BtcUsd = InstrumentCatalog.Default.Get("BTCUSD");

    private static DateTime Utc(int y, int m, int d, int h) => new(y, m, d, h, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void IsExpectedClosedHour_WinterWeekend_Is48HoursFromFriday22Utc()
    {
        // The h1 fixture of Feb 2019: last traded hour Fri 21:00, first Sun 22:00 UTC (New York on EST).
        var closed = Enumerable.Range(0, 24 * 7)
            .Select(h => Utc(2019, 2, 4, 0).AddHours(h))
            .Where(h => TradingCalendar.IsExpectedClosedHour(EurUsd, h))
            .ToList();

        Assert.Equal(48, closed.Count);
        Assert.Equal(Utc(2019, 2, 8, 22), closed[0]);
        Assert.Equal(Utc(2019, 2, 10, 21), closed[^1]);
    }

    [Fact]
    public void IsExpectedClosedHour_SummerWeekend_ShiftsOneHourEarlierInUtc()
    {
        Assert.False(TradingCalendar.IsExpectedClosedHour(EurUsd, Utc(2024, 7, 5, 20)));
        Assert.True(TradingCalendar.IsExpectedClosedHour(EurUsd, Utc(2024, 7, 5, 21)));
        Assert.True(TradingCalendar.IsExpectedClosedHour(EurUsd, Utc(2024, 7, 7, 20)));
        Assert.False(TradingCalendar.IsExpectedClosedHour(EurUsd, Utc(2024, 7, 7, 21)));
    }

    [Fact]
    public void IsExpectedClosedHour_Crypto_NeverClosed() =>
        Assert.DoesNotContain(Enumerable.Range(0, 24 * 7).Select(h => Utc(2024, 3, 4, 0).AddHours(h)),
            h => TradingCalendar.IsExpectedClosedHour(BtcUsd, h));

    [Theory]
    [InlineData(2024, 1, 10, 22)]
    [InlineData(2024, 7, 10, 21)]
    public void RolloverUtc_Is17NewYork(int y, int m, int d, int expectedHour) =>
        Assert.Equal(Utc(y, m, d, expectedHour), TradingCalendar.RolloverUtc(Utc(y, m, d, 3)));

    [Fact]
    public void IsOpen_MidweekAndWeekend()
    {
        Assert.True(TradingCalendar.IsOpen(EurUsd, Utc(2024, 3, 6, 12)));
        Assert.False(TradingCalendar.IsOpen(EurUsd, Utc(2024, 3, 9, 12)));
        Assert.True(TradingCalendar.IsOpen(BtcUsd, Utc(2024, 3, 9, 12)));
    }
}
