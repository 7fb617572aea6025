using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// Converts wall-clock times of one clock (UTC, a fixed offset, or a time zone with daylight saving)
/// to UTC epoch microseconds. The offset is cached for the current local hour, so
/// <see cref="TimeZoneInfo"/> is consulted about once per hour of data rather than once per row.
/// <para>
/// Around a fall-back transition the local hour repeats. Rows are in time order, so the repeated hour
/// is read as its first occurrence (daylight time) until the local clock steps backwards, and as its
/// second occurrence (standard time) from then on. A file that starts inside the repeated hour is
/// therefore read as the first occurrence. A local time skipped by a spring-forward transition does not
/// exist and is refused. Not thread safe: one instance per reader.
/// </para>
/// </summary>
internal sealed class LocalClock
{
    private readonly TimeZoneInfo? _zone;
    private long _cacheStart;
    private long _cacheEnd;
    private long _cacheOffset;
    private long _lastAmbiguous = long.MinValue;
    private bool _secondPass;

    private LocalClock(TimeZoneInfo? zone, long fixedOffsetMicros)
    {
        _zone = zone;
        if (zone is null)
        {
            _cacheStart = long.MinValue;
            _cacheEnd = long.MaxValue;
            _cacheOffset = fixedOffsetMicros;
        }
        else
        {
            _cacheStart = 0;
            _cacheEnd = 0;
        }
        Description = zone is null
            ? fixedOffsetMicros == 0 ? "UTC" : "UTC" + FormatOffset(TimeSpan.FromMicroseconds(fixedOffsetMicros))
            : zone.Id;
    }

    /// <summary>The clock of UTC itself.</summary>
    public static LocalClock Utc() => new(null, 0);

    /// <summary>A clock a fixed offset from UTC (local = UTC + offset).</summary>
    public static LocalClock Fixed(TimeSpan offset) => new(null, offset.Ticks / TimeSpan.TicksPerMicrosecond);

    /// <summary>A clock following a time zone's rules, daylight saving included.</summary>
    public static LocalClock Zone(TimeZoneInfo zone) => new(zone ?? throw new ArgumentNullException(nameof(zone)), 0);

    /// <summary>What the clock is, for messages: <c>UTC</c>, <c>UTC+02:00</c> or a zone id.</summary>
    public string Description { get; }

    /// <summary>
    /// Converts local epoch microseconds (the wall clock read as if it were UTC) to UTC; false when the
    /// local time does not exist in the zone (skipped by a spring-forward transition).
    /// </summary>
    public bool TryToUtc(long localMicros, out long utcMicros)
    {
        if (localMicros >= _cacheStart && localMicros < _cacheEnd)
        {
            utcMicros = localMicros - _cacheOffset;
            return true;
        }
        return TryToUtcSlow(localMicros, out utcMicros);
    }

    /// <summary>Formats an offset as <c>+02:00</c>.</summary>
    public static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private bool TryToUtcSlow(long localMicros, out long utcMicros)
    {
        var zone = _zone!;
        var local = Unspecified(localMicros);
        if (zone.IsInvalidTime(local))
        {
            utcMicros = 0;
            return false;
        }
        if (zone.IsAmbiguousTime(local))
        {
            // Offsets come sorted; the larger is daylight time (the first occurrence of the hour).
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            _secondPass |= localMicros < _lastAmbiguous;
            _lastAmbiguous = localMicros;
            var offset = _secondPass ? offsets.Min() : offsets.Max();
            utcMicros = localMicros - Micros(offset);
            return true;
        }
        _secondPass = false;
        _lastAmbiguous = long.MinValue;
        var offsetMicros = Micros(zone.GetUtcOffset(local));
        utcMicros = localMicros - offsetMicros;

        // Cache the whole local hour when its first and last instants agree and are unambiguous:
        // real transitions never come twice within an hour.
        var hourStart = localMicros - Mod(localMicros, TickTime.MicrosPerHour);
        var hourLast = hourStart + TickTime.MicrosPerHour - 1;
        var first = Unspecified(hourStart);
        var last = Unspecified(hourLast);
        if (!zone.IsInvalidTime(first) && !zone.IsAmbiguousTime(first) && !zone.IsInvalidTime(last) && !zone.IsAmbiguousTime(last)
            && Micros(zone.GetUtcOffset(first)) == offsetMicros && Micros(zone.GetUtcOffset(last)) == offsetMicros)
        {
            _cacheStart = hourStart;
            _cacheEnd = hourStart + TickTime.MicrosPerHour;
            _cacheOffset = offsetMicros;
        }
        return true;
    }

    private static DateTime Unspecified(long micros) =>
        DateTime.SpecifyKind(TickTime.FromMicros(micros), DateTimeKind.Unspecified);

    private static long Micros(TimeSpan t) => t.Ticks / TimeSpan.TicksPerMicrosecond;

    private static long Mod(long a, long m) => ((a % m) + m) % m;
}
