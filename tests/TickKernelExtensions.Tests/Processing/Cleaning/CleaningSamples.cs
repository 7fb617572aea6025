using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Cleaning;

namespace TickKernelExtensions.Tests.Processing.Cleaning;

/// <summary>Hand-made tick batches for the cleaning tests: a quiet EURUSD-like stream on a Tuesday.</summary>
internal static class CleaningSamples
{
    /// <summary>Tuesday 2024-03-12, an ordinary trading day.</summary>
    public static readonly DateOnly Day = new(2024, 3, 12);

    public static long At(int hour, int minute = 0, int second = 0, int millisecond = 0) =>
        TickTime.ToMicros(Day.ToDateTime(new TimeOnly(hour, minute, second, millisecond), DateTimeKind.Utc));

    /// <summary>
    /// <paramref name="count"/> ticks from 00:00 every <paramref name="stepMs"/> ms: a deterministic wiggle of
    /// ±0.2 pip around 1.0900 with a 0.2 pip spread, volumes 1.5 / 2.
    /// </summary>
    public static TickColumns Quiet(int count, int stepMs = 250, double level = 1.09)
    {
        var ticks = new TickColumns(count);
        for (var i = 0; i < count; i++)
        {
            var bid = level + ((i * 7 % 5) - 2) * 0.00001;
            ticks.Add(At(0) + (i * stepMs * TickTime.MicrosPerMilli), bid, bid + 0.00002, 1.5f, 2f);
        }
        return ticks;
    }

    public static TickColumns Of(params (long Ts, double Bid, double Ask)[] rows)
    {
        var ticks = new TickColumns(rows.Length);
        foreach (var (ts, bid, ask) in rows)
        {
            ticks.Add(ts, bid, ask, 1f, 1f);
        }
        return ticks;
    }

    public static TickColumns Copy(TickColumns source)
    {
        var copy = new TickColumns(source.Count);
        copy.AddRange(source, 0, source.Count);
        return copy;
    }

    public static (TickColumns Ticks, TickFlags[] Flags, TickQualityReport Report) Clean(TickColumns input, TickCleaningOptions? options = null) =>
        TickCleaner.CleanDay("EURUSD", Day, input, options);
}
