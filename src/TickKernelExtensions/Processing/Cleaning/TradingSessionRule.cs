using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Processing.Cleaning;

/// <summary>
/// When a trading day begins and ends, and which trading days are closed. A trading day (session date)
/// <c>D</c> runs from <see cref="Boundary"/> on the calendar day before <c>D</c> to <see cref="Boundary"/> on
/// <c>D</c>, in <see cref="TimeZoneId"/> local time, so the defaults give the FX convention: Monday's session
/// opens Sunday 17:00 New York and Friday's closes Friday 17:00 New York, 21:00 or 22:00 UTC with US daylight
/// saving (<see cref="TimeZoneInfo"/> applies the rule in force on each date). A midnight boundary makes the
/// session the local calendar day. Immutable once built; thread safe.
/// </summary>
public sealed class TradingSessionRule
{
    private TimeZoneInfo? _zone;

    /// <summary>The FX rule: New York 17:00, Saturday and Sunday sessions closed, 25 December and 1 January closed.</summary>
    public static TradingSessionRule Default { get; } = new();

    /// <summary>Every session open, UTC midnight boundary, no holidays: crypto.</summary>
    public static TradingSessionRule AlwaysOpen { get; } = new()
    {
        TimeZoneId = "UTC",
        Boundary = TimeOnly.MinValue,
        ClosedWeekdays = [],
        AnnualHolidays = [],
    };

    /// <summary>IANA time zone of the boundary (default <c>America/New_York</c>).</summary>
    public string TimeZoneId { get; init; } = "America/New_York";

    /// <summary>Local time at which one trading day ends and the next begins (default 17:00).</summary>
    public TimeOnly Boundary { get; init; } = new(17, 0);

    /// <summary>
    /// Weekdays of the session dates that are closed (default Saturday and Sunday: the FX weekend from Friday
    /// 17:00 to Sunday 17:00 New York).
    /// </summary>
    public IReadOnlyList<DayOfWeek> ClosedWeekdays { get; init; } = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>
    /// Holidays on a fixed date every year (default 25 December and 1 January). Each closes the whole session of
    /// that date, e.g. Christmas closes 24 December 17:00 to 25 December 17:00 New York.
    /// </summary>
    public IReadOnlyList<AnnualHoliday> AnnualHolidays { get; init; } = [AnnualHoliday.Christmas, AnnualHoliday.NewYear];

    /// <summary>Further closed session dates (default none): moving holidays, exchange-specific closures.</summary>
    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];

    /// <summary>The resolved time zone.</summary>
    public TimeZoneInfo TimeZone => _zone ??= Resolve(TimeZoneId);

    /// <summary>The session date of a UTC timestamp (microseconds since the Unix epoch).</summary>
    public DateOnly SessionDate(long utcMicros) => SessionDate(TickTime.FromMicros(utcMicros));

    /// <summary>The session date of a UTC time.</summary>
    public DateOnly SessionDate(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);
        var date = DateOnly.FromDateTime(local);
        return Boundary != TimeOnly.MinValue && TimeOnly.FromDateTime(local) >= Boundary ? date.AddDays(1) : date;
    }

    /// <summary>Start and end (exclusive) of a session, in UTC microseconds.</summary>
    public (long StartMicros, long EndMicros) SessionBounds(DateOnly sessionDate)
    {
        var startDate = Boundary == TimeOnly.MinValue ? sessionDate : sessionDate.AddDays(-1);
        return (ToUtcMicros(startDate), ToUtcMicros(startDate.AddDays(1)));
    }

    /// <summary>True when the session of <paramref name="sessionDate"/> is expected to trade.</summary>
    public bool IsTradingDay(DateOnly sessionDate)
    {
        if (ClosedWeekdays.Contains(sessionDate.DayOfWeek) || Holidays.Contains(sessionDate))
        {
            return false;
        }
        foreach (var holiday in AnnualHolidays)
        {
            if (holiday.Matches(sessionDate))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True when the market is expected open at a UTC timestamp.</summary>
    public bool IsExpectedOpen(long utcMicros) => IsTradingDay(SessionDate(utcMicros));

    /// <summary>
    /// Writes the session date of every timestamp. Columnar and cheap: the time zone is consulted once per
    /// session, not once per tick, as long as the timestamps are sorted.
    /// </summary>
    public void TagSessions(ReadOnlySpan<long> utcMicros, Span<DateOnly> sessionDates)
    {
        if (sessionDates.Length < utcMicros.Length)
        {
            throw new ArgumentException($"{nameof(sessionDates)} holds {sessionDates.Length:N0}, expected at least {utcMicros.Length:N0}.", nameof(sessionDates));
        }
        long start = 0, end = 0;
        var current = default(DateOnly);
        for (var i = 0; i < utcMicros.Length; i++)
        {
            var t = utcMicros[i];
            if (t < start || t >= end)
            {
                current = SessionDate(t);
                (start, end) = SessionBounds(current);
            }
            sessionDates[i] = current;
        }
    }

    /// <summary>
    /// The trading week containing a session date: from the start of its Monday session to the end of its Friday
    /// session, in UTC (with the defaults, Sunday 17:00 to Friday 17:00 New York).
    /// </summary>
    public (DateTime OpenUtc, DateTime CloseUtc) TradingWeek(DateOnly sessionDate)
    {
        var monday = sessionDate.AddDays(-(((int)sessionDate.DayOfWeek + 6) % 7));
        return (TickTime.FromMicros(SessionBounds(monday).StartMicros), TickTime.FromMicros(SessionBounds(monday.AddDays(4)).EndMicros));
    }

    /// <summary>Microseconds of <c>[fromMicros, toMicros)</c> during which the market is expected open.</summary>
    public long OpenMicrosBetween(long fromMicros, long toMicros)
    {
        long open = 0;
        var t = fromMicros;
        while (t < toMicros)
        {
            var session = SessionDate(t);
            var (_, end) = SessionBounds(session);
            var stop = Math.Min(end, toMicros);
            if (IsTradingDay(session))
            {
                open += stop - t;
            }
            t = stop;
        }
        return open;
    }

    /// <summary>Throws a <see cref="MarketDataException"/> (<see cref="MarketDataErrorKind.InvalidOptions"/>) listing every invalid setting.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        AddErrors(errors, "");
        if (errors.Count > 0)
        {
            throw new MarketDataException(MarketDataErrorKind.InvalidOptions, $"Invalid {nameof(TradingSessionRule)}: {string.Join("; ", errors)}.");
        }
    }

    internal void AddErrors(List<string> errors, string prefix)
    {
        if (string.IsNullOrWhiteSpace(TimeZoneId))
        {
            errors.Add($"{prefix}{nameof(TimeZoneId)} is empty, expected an IANA time zone id such as America/New_York");
        }
        else
        {
            try
            {
                _ = TimeZone;
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                errors.Add($"{prefix}{nameof(TimeZoneId)} is '{TimeZoneId}', which this machine's time zone database does not know");
            }
        }
        if (ClosedWeekdays is null || ClosedWeekdays.Distinct().Count() >= 7 || ClosedWeekdays.Any(d => !Enum.IsDefined(d)))
        {
            errors.Add($"{prefix}{nameof(ClosedWeekdays)} must name distinct weekdays and leave at least one open");
        }
        foreach (var h in AnnualHolidays ?? [])
        {
            if (!h.IsValid)
            {
                errors.Add($"{prefix}{nameof(AnnualHolidays)} has {h.Month}-{h.Day}, expected a real month and day");
            }
        }
        if (AnnualHolidays is null || Holidays is null)
        {
            errors.Add($"{prefix}{nameof(AnnualHolidays)} and {nameof(Holidays)} must not be null (use an empty list)");
        }
    }

    private long ToUtcMicros(DateOnly localDate)
    {
        var local = localDate.ToDateTime(Boundary, DateTimeKind.Unspecified);
        // A boundary inside a spring-forward hole does not exist locally: it happens when the clocks jump.
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        return TickTime.ToMicros(TimeZoneInfo.ConvertTimeToUtc(local, TimeZone));
    }

    private static TimeZoneInfo Resolve(string id) =>
        string.Equals(id, "America/New_York", StringComparison.Ordinal) ? TradingCalendar.NewYorkTimeZone
        : string.Equals(id, "UTC", StringComparison.Ordinal) ? TimeZoneInfo.Utc
        : TimeZoneInfo.FindSystemTimeZoneById(id);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{TimeZoneId} {Boundary:HH\\:mm}");
}
