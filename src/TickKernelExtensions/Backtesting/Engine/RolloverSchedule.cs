using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>
/// When swap is charged: every day at <see cref="Time"/> local time in <see cref="TimeZone"/> (default 17:00
/// America/New_York, the FX day's end), except when that local day is a Saturday or Sunday. The rollover on
/// <see cref="TripleDay"/> (default Wednesday) charges three nights, for the weekend that spot value dates skip; a
/// position held Monday to Monday therefore pays 1 + 1 + 3 + 1 + 1 = 7 nights. A position pays a rollover when it
/// was opened before the instant and is still open at the first tick at or after it (fills on that tick come after
/// the charge). For a plain UTC hour, use <c>TimeZone = "UTC"</c>. Immutable.
/// </summary>
public sealed record RolloverSchedule
{
    /// <summary>IANA time-zone id of <see cref="Time"/>; default <c>America/New_York</c>.</summary>
    public string TimeZone { get; init; } = "America/New_York";

    /// <summary>Local time of the daily rollover; default 17:00.</summary>
    public TimeOnly Time { get; init; } = new(17, 0);

    /// <summary>The weekday whose rollover charges three nights; default Wednesday.</summary>
    public DayOfWeek TripleDay { get; init; } = DayOfWeek.Wednesday;

    /// <summary>17:00 New York, triple on Wednesday.</summary>
    public static RolloverSchedule Default { get; } = new();

    internal void Validate(List<string> errors, string prefix)
    {
        if (string.IsNullOrWhiteSpace(TimeZone) || SessionClock.TryFindZone(TimeZone) is null)
        {
            errors.Add($"{prefix}.{nameof(TimeZone)} '{TimeZone}' is not a known time-zone id");
        }
        if (!Enum.IsDefined(TripleDay))
        {
            errors.Add($"{prefix}.{nameof(TripleDay)} has an unknown value {(int)TripleDay}");
        }
    }
}
