using System.Globalization;

namespace TickKernelExtensions.Processing.Cleaning;

/// <summary>
/// A holiday on the same calendar date every year, such as 25 December. It closes the trading day
/// (session date) of that date, i.e. from the previous day's session boundary to this day's.
/// </summary>
/// <param name="Month">1 to 12.</param>
/// <param name="Day">1 to the length of the month (29 February is allowed and applies in leap years only).</param>
public readonly record struct AnnualHoliday(int Month, int Day)
{
    /// <summary>Christmas Day, 25 December.</summary>
    public static AnnualHoliday Christmas { get; } = new(12, 25);

    /// <summary>New Year's Day, 1 January.</summary>
    public static AnnualHoliday NewYear { get; } = new(1, 1);

    /// <summary>True when <paramref name="date"/> falls on this holiday.</summary>
    public bool Matches(DateOnly date) => date.Month == Month && date.Day == Day;

    /// <summary>True when the month and day name a real calendar day.</summary>
    public bool IsValid => Month is >= 1 and <= 12 && Day >= 1 && Day <= DateTime.DaysInMonth(2024, Month);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Month:00}-{Day:00}");
}
