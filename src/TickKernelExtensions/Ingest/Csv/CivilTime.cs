using System.Runtime.CompilerServices;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// Calendar arithmetic and fixed-width digit parsing for CSV timestamps, without <see cref="DateTime"/>
/// on the hot path. Dates are proleptic Gregorian; times are wall-clock microseconds of some clock
/// (UTC, or a local clock that <see cref="LocalClock"/> converts).
/// </summary>
internal static class CivilTime
{
    /// <summary>Days from 1970-01-01 to a civil date (Howard Hinnant's closed-form <c>days_from_civil</c>).</summary>
    public static long DaysFromCivil(int year, int month, int day)
    {
        var y = month <= 2 ? year - 1 : year;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yearOfEra = y - (era * 400);
        var dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097L) + dayOfEra - 719468;
    }

    /// <summary>The civil date of a day number (the inverse of <see cref="DaysFromCivil"/>).</summary>
    public static (int Year, int Month, int Day) CivilFromDays(long days)
    {
        days += 719468;
        var era = (days >= 0 ? days : days - 146096) / 146097;
        var dayOfEra = days - (era * 146097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var mp = ((5 * dayOfYear) + 2) / 153;
        var day = (int)(dayOfYear - (((153 * mp) + 2) / 5) + 1);
        var month = (int)(mp < 10 ? mp + 3 : mp - 9);
        var year = (int)(yearOfEra + (era * 400)) + (month <= 2 ? 1 : 0);
        return (year, month, day);
    }

    /// <summary>Days in a month of the proleptic Gregorian calendar.</summary>
    public static int DaysInMonth(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    /// <summary>
    /// Microseconds from 1970-01-01 00:00 of the date's own clock to its midnight, or -1 when the date
    /// does not exist (month 13, 30 February, year 0).
    /// </summary>
    public static long DateMicros(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DaysInMonth(year, month)
            ? DaysFromCivil(year, month, day) * TickTime.MicrosPerDay
            : -1;

    /// <summary>Microseconds of a time of day, or -1 when a part is out of range (hour 24, minute 60, second 60).</summary>
    public static long TimeOfDayMicros(int hour, int minute, int second, int millisecond) =>
        (uint)hour <= 23 && (uint)minute <= 59 && (uint)second <= 59 && (uint)millisecond <= 999
            ? ((((((hour * 60L) + minute) * 60) + second) * 1000) + millisecond) * TickTime.MicrosPerMilli
            : -1;

    /// <summary>
    /// Reads <paramref name="count"/> ASCII digits at <paramref name="at"/>; a non-digit sets bits in
    /// <paramref name="bad"/> (checked once per field instead of once per digit).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Digits(ReadOnlySpan<byte> s, int at, int count, ref uint bad)
    {
        var v = 0;
        for (var k = 0; k < count; k++)
        {
            var d = (uint)(s[at + k] - '0');
            bad |= d > 9 ? 1u : 0u;
            v = (v * 10) + (int)d;
        }
        return v;
    }

    /// <summary>Sets bits in <paramref name="bad"/> unless <c>s[at]</c> is <paramref name="expected"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Expect(ReadOnlySpan<byte> s, int at, byte expected, ref uint bad) =>
        bad |= s[at] == expected ? 0u : 1u;
}
