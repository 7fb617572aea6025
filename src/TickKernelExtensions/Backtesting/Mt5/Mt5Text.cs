using System.Globalization;

namespace TickKernelExtensions.Backtesting.Mt5;

/// <summary>
/// MT5's own date and time spelling, shared by the tick and signal files: <c>yyyy.MM.dd</c> and <c>HH:mm:ss.fff</c>
/// (the terminal's tick export writes the two as separate tab-separated columns), on server wall-clock epoch milliseconds.
/// </summary>
internal static class Mt5Text
{
    public const string DateFormat = "yyyy.MM.dd";
    public const string TimeFormat = "HH:mm:ss.fff";
    private const long MillisPerDay = 86_400_000;

    /// <summary>Writes <c>yyyy.MM.dd</c> (10 chars) of a server-time epoch millisecond.</summary>
    public static void WriteDate(long serverMillis, Span<char> destination)
    {
        var day = DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + (int)Mt5ServerTime.FloorDiv(serverMillis, MillisPerDay));
        day.TryFormat(destination, out _, DateFormat, CultureInfo.InvariantCulture);
    }

    /// <summary>Writes <c>HH:mm:ss.fff</c> (12 chars) of a server-time epoch millisecond.</summary>
    public static void WriteTime(long serverMillis, Span<char> destination)
    {
        var ms = serverMillis - (Mt5ServerTime.FloorDiv(serverMillis, MillisPerDay) * MillisPerDay);
        Two(destination, (int)(ms / 3_600_000));
        destination[2] = ':';
        Two(destination[3..], (int)(ms / 60_000 % 60));
        destination[5] = ':';
        Two(destination[6..], (int)(ms / 1000 % 60));
        destination[8] = '.';
        var f = (int)(ms % 1000);
        destination[9] = (char)('0' + (f / 100));
        destination[10] = (char)('0' + (f / 10 % 10));
        destination[11] = (char)('0' + (f % 10));
    }

    /// <summary><c>yyyy.MM.dd HH:mm:ss.fff</c> of a server-time epoch millisecond (the signal file's time).</summary>
    public static string FormatDateTime(long serverMillis)
    {
        Span<char> text = stackalloc char[23];
        WriteDate(serverMillis, text);
        text[10] = ' ';
        WriteTime(serverMillis, text[11..]);
        return new string(text);
    }

    /// <summary>Server wall-clock epoch milliseconds → <see cref="System.DateTime"/> (Kind Unspecified).</summary>
    public static System.DateTime ToDateTime(long serverMillis) =>
        System.DateTime.SpecifyKind(System.DateTime.UnixEpoch.AddMilliseconds(serverMillis), DateTimeKind.Unspecified);

    /// <summary>Reads <c>yyyy.MM.dd</c> + <c>HH:mm:ss.fff</c> as a server wall-clock time; false when either does not parse.</summary>
    public static bool TryParse(ReadOnlySpan<char> date, ReadOnlySpan<char> time, out System.DateTime server)
    {
        server = default;
        if (!System.DateTime.TryParseExact(date, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(time, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            return false;
        }
        server = System.DateTime.SpecifyKind(day.Date + clock.ToTimeSpan(), DateTimeKind.Unspecified);
        return true;
    }

    private static void Two(Span<char> destination, int value)
    {
        destination[0] = (char)('0' + (value / 10));
        destination[1] = (char)('0' + (value % 10));
    }
}
