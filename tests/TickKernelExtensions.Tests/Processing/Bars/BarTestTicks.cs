using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Tests.Processing.Bars;

/// <summary>Small hand-made tick sets and helpers shared by the bar tests.</summary>
internal static class BarTestTicks
{
    public const long Second = 1_000_000;
    public const long Minute = 60 * Second;

    /// <summary>Base time 2024-01-02T00:00Z, a whole day since the epoch.</summary>
    public static readonly long T0 = TickTime.ToMicros(new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>
    /// Six ticks: three in minute 0, none in minute 1, two in minute 2 (one exactly on its start), one in minute 3.
    /// Prices are quarter-multiples so every sum is exact.
    /// </summary>
    public static TickColumns Six()
    {
        var t = new TickColumns();
        t.Add(T0 + (1 * Second), 1.00, 1.50, 1f, 2f);
        t.Add(T0 + (20 * Second), 1.25, 1.50, 3f, float.NaN);
        t.Add(T0 + (59 * Second), 0.75, 1.25, 2f, 1f);
        t.Add(T0 + (2 * Minute), 2.00, 2.50, float.NaN, 4f);
        t.Add(T0 + (2 * Minute) + (30 * Second), 1.50, 2.50, float.NaN, 4f);
        t.Add(T0 + (3 * Minute) + Second, 1.75, 2.00, 5f, 5f);
        return t;
    }

    /// <summary>Runs a builder over the ticks fed in chunks of <paramref name="chunk"/> (0 = whole), then flushes.</summary>
    public static BarColumns Run(IBarBuilder builder, TickColumns ticks, int chunk = 0)
    {
        var bars = new BarColumns(4);
        if (chunk <= 0)
        {
            builder.Add(ticks, bars);
        }
        else
        {
            var part = new TickColumns(chunk);
            for (var start = 0; start < ticks.Count; start += chunk)
            {
                part.Clear();
                part.AddRange(ticks, start, Math.Min(chunk, ticks.Count - start));
                builder.Add(part, bars);
            }
        }
        builder.Flush(bars);
        return bars;
    }

    /// <summary>Asserts two batches hold bit-identical bars.</summary>
    public static void AssertIdentical(BarColumns expected, BarColumns actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }
}
