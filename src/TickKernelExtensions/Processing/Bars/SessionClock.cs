using TickKernelExtensions.Market;

namespace TickKernelExtensions.Processing.Bars;

/// <summary>
/// Session boundaries in UTC for a session that opens every day at a fixed local time in an IANA time zone (e.g.
/// 17:00 America/New_York, the FX trading day). An open time that falls in a daylight-saving gap moves forward by
/// the gap; an ambiguous one (the repeated hour) is read as standard time. Immutable and thread safe.
/// </summary>
public sealed class SessionClock
{
    private readonly TimeZoneInfo _zone;
    private readonly TimeOnly _open;

    /// <summary>Creates a clock for sessions opening at <paramref name="open"/> local time in <paramref name="timeZoneId"/>.</summary>
    /// <exception cref="MarketDataException">InvalidOptions when the time-zone id is unknown.</exception>
    public SessionClock(string timeZoneId, TimeOnly open)
    {
        _zone = TryFindZone(timeZoneId)
            ?? throw new MarketDataException(MarketDataErrorKind.InvalidOptions, $"Unknown time-zone id '{timeZoneId}'.");
        _open = open;
    }

    /// <summary>The UTC start (µs) of the session holding <paramref name="micros"/> and the start of the next one.</summary>
    public (long Open, long NextOpen) SessionAt(long micros)
    {
        var utc = TickTime.FromMicros(micros);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, _zone);
        var day = DateOnly.FromDateTime(local);
        var open = OpenOn(day);
        if (open > micros)
        {
            day = day.AddDays(-1);
            open = OpenOn(day);
        }
        var next = OpenOn(day.AddDays(1));
        while (next <= micros)
        {
            day = day.AddDays(1);
            open = next;
            next = OpenOn(day.AddDays(1));
        }
        return (open, next);
    }

    /// <summary>The UTC time (µs) the session of local date <paramref name="day"/> opens.</summary>
    public long OpenOn(DateOnly day)
    {
        var local = day.ToDateTime(_open, DateTimeKind.Unspecified);
        while (_zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        return TickTime.ToMicros(TimeZoneInfo.ConvertTimeToUtc(local, _zone));
    }

    internal static TimeZoneInfo? TryFindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
