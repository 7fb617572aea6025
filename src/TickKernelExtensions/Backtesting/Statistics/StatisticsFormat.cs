using System.Globalization;

namespace TickKernelExtensions.Backtesting.Statistics;

/// <summary>Invariant, round-trip text of numbers and times for messages and the report JSON.</summary>
internal static class StatisticsFormat
{
    /// <summary>Shortest round-trip invariant form; NaN and infinities as <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>.</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "Infinity" : double.IsNegativeInfinity(value) ? "-Infinity"
            : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A UTC µs time as <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>.</summary>
    public static string Time(long micros) =>
        Market.TickTime.FromMicros(micros).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
