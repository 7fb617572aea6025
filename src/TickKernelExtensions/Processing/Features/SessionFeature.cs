using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Processing.Features;

/// <summary>
/// Minutes (with fractions) from the session open to the bar's open time, the session opening every day at a local
/// time in an IANA zone (default 17:00 America/New_York, the FX day, so the value follows US daylight saving in
/// UTC). Ranges over [0, 1440) on ordinary days (up to 1500 on a 25-hour day). No warm-up.
/// See <see cref="FeatureKinds.Session"/>.
/// </summary>
public sealed class SessionFeature : IBarFeature
{
    private readonly SessionClock _clock;
    private long _open = long.MaxValue;
    private long _next = long.MinValue;

    /// <summary>Creates the feature for sessions opening at <paramref name="open"/> local time in <paramref name="timeZoneId"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="open"/> is not a whole minute (specs store HH:mm).</exception>
    public SessionFeature(string timeZoneId, TimeOnly open)
    {
        if (open.Second != 0 || open.Millisecond != 0 || open.Microsecond != 0)
        {
            throw new ArgumentException($"The session open must be a whole minute, was {open:HH:mm:ss.ffffff}.", nameof(open));
        }
        _clock = new SessionClock(timeZoneId, open);
        Spec = FeatureSpec.Session(timeZoneId, open);
        Columns = [ColumnName(timeZoneId, open)];
    }

    /// <inheritdoc />
    public FeatureSpec Spec { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc />
    public int WarmUpBars => 0;

    /// <inheritdoc />
    public void Update(in Bar bar, Span<double> output)
    {
        var t = bar.OpenTime;
        if (t < _open || t >= _next)
        {
            (_open, _next) = _clock.SessionAt(t);
        }
        output[0] = (t - _open) / 60_000_000.0;
    }

    /// <summary>
    /// <c>session_minutes</c> for the default 17:00 America/New_York session; otherwise
    /// <c>session_minutes_{zone}_{HHmm}</c> with the zone id lower-cased and '/' as '_' (e.g.
    /// <c>session_minutes_europe_london_0800</c>).
    /// </summary>
    public static string ColumnName(string timeZoneId, TimeOnly open)
    {
        ArgumentNullException.ThrowIfNull(timeZoneId);
        if (timeZoneId == "America/New_York" && open == new TimeOnly(17, 0))
        {
            return "session_minutes";
        }
        var zone = timeZoneId.ToLowerInvariant().Replace('/', '_').Replace('-', '_');
        return $"session_minutes_{zone}_{open.ToString("HHmm", System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <inheritdoc />
    public void Reset()
    {
        _open = long.MaxValue;
        _next = long.MinValue;
    }
}
