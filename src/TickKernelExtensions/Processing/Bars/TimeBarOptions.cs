using TickKernelExtensions.Market;

namespace TickKernelExtensions.Processing.Bars;

/// <summary>
/// Options of a <see cref="TimeBarBuilder"/>. A tick at time <c>t</c> belongs to the bar whose interval
/// <c>[start, start + Timeframe)</c> holds it (half-open: a tick exactly on a boundary opens the next bar), and the
/// bar is labelled by <c>start</c>, as Dukascopy labels its candles.
/// </summary>
public sealed record TimeBarOptions
{
    /// <summary>
    /// Bar length; default one minute. Any positive whole number of microseconds, seconds to days. Without a session,
    /// intervals longer than a day are epoch-aligned too (a 7-day bar starts on Thursdays, like 1970-01-01).
    /// </summary>
    public TimeSpan Timeframe { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>What an interval without ticks produces; default <see cref="EmptyBarPolicy.Skip"/>.</summary>
    public EmptyBarPolicy EmptyBars { get; init; } = EmptyBarPolicy.Skip;

    /// <summary>
    /// Null (the default) aligns intervals to the UTC epoch: starts are multiples of <see cref="Timeframe"/> since
    /// 1970-01-01T00:00Z, so daily bars run midnight to midnight UTC. An IANA time-zone id (e.g.
    /// <c>America/New_York</c>) aligns them to the session instead: each session starts at <see cref="SessionOpen"/>
    /// local time, intervals are laid from there, and the last interval of a session is cut at the next session open
    /// (so daily bars are 23 or 25 hours long on daylight-saving days). Requires <see cref="Timeframe"/> ≤ 1 day.
    /// </summary>
    public string? SessionTimeZone { get; init; }

    /// <summary>Local time a session opens, used with <see cref="SessionTimeZone"/>; default 17:00 (the FX day in New York).</summary>
    public TimeOnly SessionOpen { get; init; } = new(17, 0);

    /// <summary>One-minute UTC bars with Dukascopy's empty-minute rule (flat carried-forward bars).</summary>
    public static TimeBarOptions DukascopyMinute { get; } = new() { EmptyBars = EmptyBarPolicy.CarryForward };

    /// <summary>Checks every field and reports all problems in one <see cref="MarketDataException"/> (InvalidOptions).</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (Timeframe <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(Timeframe)} must be positive, was {Timeframe}");
        }
        else if (Timeframe.Ticks % 10 != 0)
        {
            errors.Add($"{nameof(Timeframe)} must be a whole number of microseconds, was {Timeframe}");
        }
        if (!Enum.IsDefined(EmptyBars))
        {
            errors.Add($"{nameof(EmptyBars)} has an unknown value {(int)EmptyBars}");
        }
        if (SessionTimeZone is not null)
        {
            if (Timeframe > TimeSpan.FromDays(1))
            {
                errors.Add($"{nameof(Timeframe)} must be at most 1 day with a {nameof(SessionTimeZone)}, was {Timeframe}");
            }
            if (SessionClock.TryFindZone(SessionTimeZone) is null)
            {
                errors.Add($"{nameof(SessionTimeZone)} '{SessionTimeZone}' is not a known time-zone id");
            }
        }
        if (errors.Count > 0)
        {
            throw new MarketDataException(MarketDataErrorKind.InvalidOptions, $"Invalid time bar options: {string.Join("; ", errors)}.");
        }
    }
}
