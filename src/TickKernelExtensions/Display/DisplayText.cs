using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Display;

/// <summary>How numbers, sizes, times and durations read in every view: invariant culture, UTC, compact.</summary>
internal static class DisplayText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"Not provided" (NaN volumes, null cells).</summary>
    public const string Missing = "–";

    public static string Count(long value) => value.ToString("N0", Invariant);

    /// <summary>"1 day", "3 days", "1,234 files".</summary>
    public static string Plural(long count, string noun) => $"{Count(count)} {noun}{(count == 1 ? "" : "s")}";

    /// <summary>Binary units (KiB, MiB, GiB), one decimal above bytes.</summary>
    public static string Bytes(long bytes)
    {
        string[] units = ["KiB", "MiB", "GiB", "TiB"];
        if (Math.Abs(bytes) < 1024)
        {
            return $"{bytes.ToString(Invariant)} B";
        }
        var value = bytes / 1024.0;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return $"{value.ToString("0.0", Invariant)} {units[unit]}";
    }

    /// <summary>"850 ms", "12.3 s", "4 min 05 s", "2 h 03 min".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span.TotalSeconds < 1)
        {
            return $"{span.TotalMilliseconds.ToString("0", Invariant)} ms";
        }
        if (span.TotalMinutes < 1)
        {
            return $"{span.TotalSeconds.ToString("0.0", Invariant)} s";
        }
        if (span.TotalHours < 1)
        {
            return $"{(int)span.TotalMinutes} min {span.Seconds:00} s";
        }
        return $"{(int)span.TotalHours} h {span.Minutes:00} min";
    }

    /// <summary>A UTC time to the minute, as gap ranges and buckets are.</summary>
    public static string Minute(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", Invariant);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    /// <summary>A tick time: milliseconds, or microseconds when the timestamp has them.</summary>
    public static string TickTimestamp(long micros)
    {
        var time = TickTime.FromMicros(micros);
        var format = micros % TickTime.MicrosPerMilli == 0 ? "yyyy-MM-dd HH:mm:ss.fff" : "yyyy-MM-dd HH:mm:ss.ffffff";
        return time.ToString(format, Invariant);
    }

    /// <summary>A price with up to 10 significant digits; NaN reads as missing.</summary>
    public static string Price(double value) => double.IsNaN(value) ? Missing : value.ToString("G10", Invariant);

    /// <summary>A volume in millions; NaN means "not provided by the source".</summary>
    public static string Volume(float value) => float.IsNaN(value) ? Missing : value.ToString("G6", Invariant);

    /// <summary>Any value of a table cell (data frames): invariant culture, UTC-style times, null as missing.</summary>
    public static string Value(object? value) => value switch
    {
        null => Missing,
        double d => Price(d),
        float f => f.ToString("G7", Invariant),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss.fff", Invariant),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss.fff zzz", Invariant),
        IFormattable f => f.ToString(null, Invariant),
        _ => value.ToString() ?? "",
    };
}
