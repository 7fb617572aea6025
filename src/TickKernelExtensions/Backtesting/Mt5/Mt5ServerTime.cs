using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Backtesting.Mt5;

/// <summary>
/// The wall clock of the MT5 trade server a file is written for. MT5 stores tick and bar times as the server's local
/// time with no zone attached, and a custom symbol has no zone setting at all (the import dialog only offers a shift in
/// hours), so our UTC ticks must be converted before import and the choice written down beside the file. Presets:
/// <see cref="Utc"/> (the default: the custom symbol then simply runs on UTC), <see cref="NewYorkClose"/> (UTC+2 in
/// winter, UTC+3 while New York observes daylight saving time, the common FX broker convention that makes the daily bar
/// close at 17:00 New York), a fixed offset, or any IANA zone. Converted times must stay in order: a zone whose clock
/// goes back while ticks arrive is reported, not silently reordered. Immutable and thread safe.
/// </summary>
public sealed class Mt5ServerTime
{
    private const long MicrosPerMinute = 60_000_000;
    private static readonly TimeSpan NewYorkShift = TimeSpan.FromHours(7);
    private readonly TimeZoneInfo? _zone;
    private readonly TimeSpan _shift;

    private Mt5ServerTime(string name, TimeZoneInfo? zone, TimeSpan shift)
    {
        Name = name;
        _zone = zone;
        _shift = shift;
    }

    /// <summary>Server time equals UTC.</summary>
    public static Mt5ServerTime Utc { get; } = new("utc", null, TimeSpan.Zero);

    /// <summary>New York time plus 7 hours: UTC+2 in winter, UTC+3 in US summer time (days end at 17:00 New York).</summary>
    public static Mt5ServerTime NewYorkClose { get; } = new("new-york-close", FindZone("America/New_York"), NewYorkShift);

    /// <summary>The spelling <see cref="Parse"/> accepts and files record: <c>utc</c>, <c>new-york-close</c>, <c>+02:00</c> or an IANA zone id.</summary>
    public string Name { get; }

    /// <summary>A fixed offset from UTC, e.g. +02:00 (whole minutes, within ±14 hours).</summary>
    public static Mt5ServerTime Fixed(TimeSpan offset)
    {
        if (offset.Ticks % TimeSpan.TicksPerMinute != 0 || offset.Duration() > TimeSpan.FromHours(14))
        {
            throw new Mt5Exception(Mt5ErrorKind.InvalidOptions, "A server time offset must be whole minutes within ±14 hours.")
            {
                Field = "server time",
                Expected = "e.g. +02:00",
                Actual = offset.ToString(),
            };
        }
        return offset == TimeSpan.Zero ? Utc : new(FormatOffset(offset), null, offset);
    }

    /// <summary>The local time of an IANA (or Windows) zone, with its daylight saving rules.</summary>
    public static Mt5ServerTime FromZone(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new(zone.Id, zone, TimeSpan.Zero);
    }

    /// <summary>Reads <c>utc</c>, <c>new-york-close</c>, a fixed offset (<c>+02:00</c>, <c>-05:00</c>) or a zone id (<c>Europe/Athens</c>).</summary>
    /// <exception cref="Mt5Exception">InvalidOptions naming what was given and what is accepted.</exception>
    public static Mt5ServerTime Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.Equals("utc", StringComparison.OrdinalIgnoreCase) || t is "Z" or "+00:00")
        {
            return Utc;
        }
        if (t.Equals("new-york-close", StringComparison.OrdinalIgnoreCase))
        {
            return NewYorkClose;
        }
        if (t.Length == 6 && t[0] is '+' or '-' && TimeSpan.TryParseExact(t[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var offset))
        {
            return Fixed(t[0] == '-' ? -offset : offset);
        }
        try
        {
            return FromZone(TimeZoneInfo.FindSystemTimeZoneById(t));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new Mt5Exception(Mt5ErrorKind.InvalidOptions, "Unknown server time zone.", e)
            {
                Field = "server time",
                Expected = "utc, new-york-close, a fixed offset like +02:00, or an IANA zone id like Europe/Athens",
                Actual = text,
            };
        }
    }

    /// <summary>The server's offset from UTC at a UTC instant.</summary>
    public TimeSpan OffsetAt(DateTime utc) => _zone is null ? _shift : _zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) + _shift;

    /// <summary>UTC → server wall-clock time (Kind Unspecified, as MT5 has no zone).</summary>
    public DateTime ToServer(DateTime utc) => DateTime.SpecifyKind(DateTime.SpecifyKind(utc, DateTimeKind.Utc) + OffsetAt(utc), DateTimeKind.Unspecified);

    /// <summary>
    /// Server wall-clock time → UTC. A wall time the server clock shows twice (clocks going back) is read as the
    /// standard-time one; a wall time it skips (clocks going forward) is an error.
    /// </summary>
    public DateTime ToUtc(DateTime server)
    {
        if (_zone is null)
        {
            return DateTime.SpecifyKind(server - _shift, DateTimeKind.Utc);
        }
        var local = DateTime.SpecifyKind(server - _shift, DateTimeKind.Unspecified);
        if (_zone.IsInvalidTime(local))
        {
            throw new Mt5Exception(Mt5ErrorKind.MalformedFile, $"The server clock ({Name}) never shows this time: it is skipped when daylight saving time starts.")
            {
                Field = "time",
                Actual = server.ToString("yyyy.MM.dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
            };
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, _zone);
    }

    /// <summary>
    /// Converts UTC epoch microseconds to server wall-clock epoch milliseconds (MT5's <c>time_msc</c> unit), flooring
    /// to the millisecond. Remembers the offset of the last minute seen, so a stream of ticks costs one zone lookup a minute.
    /// </summary>
    internal long ToServerMillis(long utcMicros, ref OffsetCache cache)
    {
        var minute = Math.DivRem(utcMicros, MicrosPerMinute, out var rem) - (rem < 0 ? 1 : 0);
        if (minute != cache.Minute || !cache.Valid)
        {
            cache = new OffsetCache(minute, (long)OffsetAt(TickTime.FromMicros(minute * MicrosPerMinute)).TotalMilliseconds, true);
        }
        return FloorDiv(utcMicros, TickTime.MicrosPerMilli) + cache.OffsetMillis;
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    internal static long FloorDiv(long value, long divisor)
    {
        var q = Math.DivRem(value, divisor, out var r);
        return r < 0 ? q - 1 : q;
    }

    private static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.FindSystemTimeZoneById("Eastern Standard Time");

    /// <summary>The offset of one UTC minute, remembered between ticks.</summary>
    internal readonly record struct OffsetCache(long Minute, long OffsetMillis, bool Valid);
}
