namespace TickKernelExtensions.Market;

/// <summary>Tick timestamps: UTC microseconds since the Unix epoch, the unit of every tick column and file.</summary>
public static class TickTime
{
    /// <summary>Microseconds per millisecond.</summary>
    public const long MicrosPerMilli = 1_000;

    /// <summary>Microseconds per hour.</summary>
    public const long MicrosPerHour = 3_600_000_000;

    /// <summary>Microseconds per day.</summary>
    public const long MicrosPerDay = 86_400_000_000;

    /// <summary>Converts a UTC (or unspecified, read as UTC) time to epoch microseconds.</summary>
    public static long ToMicros(DateTime utc)
    {
        if (utc.Kind == DateTimeKind.Local)
        {
            utc = utc.ToUniversalTime();
        }
        return (utc.Ticks - DateTime.UnixEpoch.Ticks) / 10;
    }

    /// <summary>Converts epoch microseconds to a UTC <see cref="DateTime"/>.</summary>
    public static DateTime FromMicros(long micros) => new(DateTime.UnixEpoch.Ticks + (micros * 10), DateTimeKind.Utc);

    /// <summary>The UTC day (as days since 1970-01-01) of a timestamp; floor division, so it is right before 1970 too.</summary>
    public static int DayNumber(long micros) => (int)Math.Floor(micros / (double)MicrosPerDay);

    /// <summary>The UTC date of a timestamp.</summary>
    public static DateOnly Date(long micros) => DateOnly.FromDateTime(FromMicros(micros));
}
