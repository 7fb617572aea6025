namespace TickKernelExtensions.Market;

/// <summary>
/// When a market is expected to be closed. FX, metals, indices and commodities close for the
/// weekend from Friday 17:00 to Sunday 17:00 New York time (21:00 or 22:00 UTC, following US daylight
/// saving); crypto trades every hour. Only weekends are modelled: holidays and daily breaks show up
/// as empty hours inside trading time, which the gap report lists rather than hides.
/// </summary>
public static class TradingCalendar
{
    private static readonly TimeZoneInfo NewYork = FindNewYork();

    /// <summary>America/New_York, with the post-2007 US rule built in when the machine has no tz database.</summary>
    internal static TimeZoneInfo NewYorkTimeZone => NewYork;

    /// <summary>True when the whole UTC hour starting at <paramref name="hourStartUtc"/> falls in a closure.</summary>
    public static bool IsExpectedClosedHour(Instrument instrument, DateTime hourStartUtc)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (instrument.AssetClass == AssetClass.Crypto)
        {
            return false;
        }
        var start = AsUtc(hourStartUtc);
        var (closeUtc, reopenUtc) = WeekendAround(start);
        return start >= closeUtc && start.AddHours(1) <= reopenUtc;
    }

    /// <summary>True when the instrument trades at <paramref name="utc"/>.</summary>
    public static bool IsOpen(Instrument instrument, DateTime utc)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (instrument.AssetClass == AssetClass.Crypto)
        {
            return true;
        }
        var t = AsUtc(utc);
        var (closeUtc, reopenUtc) = WeekendAround(t);
        return t < closeUtc || t >= reopenUtc;
    }

    /// <summary>
    /// The daily rollover (17:00 New York) of the UTC day containing <paramref name="utc"/>, in UTC.
    /// Spreads widen around it.
    /// </summary>
    public static DateTime RolloverUtc(DateTime utc) =>
        // 17:00 in New York is 21:00 or 22:00 UTC: always the same calendar date.
        ToUtc(AsUtc(utc).Date.AddHours(17));

    /// <summary>The weekend closure (Friday 17:00 NY → Sunday 17:00 NY) nearest to <paramref name="utc"/>, in UTC.</summary>
    public static (DateTime CloseUtc, DateTime ReopenUtc) WeekendAround(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), NewYork);
        // Monday..Thursday look ahead to this week's Friday; Friday..Sunday look back to it.
        var offset = local.DayOfWeek switch
        {
            DayOfWeek.Saturday => -1,
            DayOfWeek.Sunday => -2,
            var d => (int)DayOfWeek.Friday - (int)d,
        };
        var friday = local.Date.AddDays(offset);
        var close = ToUtc(friday.AddHours(17));
        var reopen = ToUtc(friday.AddDays(2).AddHours(17));
        return (close, reopen);
    }

    private static DateTime ToUtc(DateTime newYorkLocal) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(newYorkLocal, DateTimeKind.Unspecified), NewYork);

    private static DateTime AsUtc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(t, DateTimeKind.Utc),
        _ => t.ToUniversalTime(),
    };

    private static TimeZoneInfo FindNewYork()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        }
        catch (TimeZoneNotFoundException)
        {
            // No tz database (minimal containers): the US rule in force since 2007.
            var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 2, DayOfWeek.Sunday);
            var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 11, 1, DayOfWeek.Sunday);
            var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
            return TimeZoneInfo.CreateCustomTimeZone("America/New_York", TimeSpan.FromHours(-5), "New York", "EST", "EDT", [rule]);
        }
    }
}
