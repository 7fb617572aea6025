using TickKernelExtensions.Market;

namespace Backtest.Bench;

/// <summary>
/// The benchmark's ticks, generated in memory from a seed (nothing cached): one EURUSD random walk from Monday
/// 2024-01-08 00:00 UTC, market closed from Friday 22:00 to Sunday 22:00 UTC. Timestamps are strictly increasing, 1 ms to
/// 0.5 s apart (about 4 ticks a second, so 10 million ticks cover about six calendar weeks); the bid moves by −1, 0 or
/// +1 point per tick; the spread is 1–3 points, and 10–30 one tick in twenty. Prices are whole points (5 decimals).
/// </summary>
internal static class TickData
{
    public static readonly DateTime Start = new(2024, 1, 8, 0, 0, 0, DateTimeKind.Utc);

    public static TickColumns Generate(int count, int seed)
    {
        var random = new Random(seed);
        var ticks = new TickColumns(count);
        var t = TickTime.ToMicros(Start);
        const long Week = 7L * 24 * 3600 * 1_000_000;
        const long FridayClose = (4L * 24 + 22) * 3600 * 1_000_000; // Friday 22:00 after Monday 00:00
        const long SundayOpen = (6L * 24 + 22) * 3600 * 1_000_000;
        var monday = t;
        long bid = 110_000;
        for (var i = 0; i < count; i++)
        {
            t += 1_000 + random.Next(499_000);
            var inWeek = t - monday;
            if (inWeek >= Week)
            {
                monday += Week;
                inWeek -= Week;
            }
            if (inWeek >= FridayClose && inWeek < SundayOpen)
            {
                t = monday + SundayOpen + random.Next(1_000_000);
            }
            bid += random.Next(3) - 1;
            var spread = random.Next(20) == 0 ? 10 + random.Next(21) : 1 + random.Next(3);
            var volume = random.Next(4) == 0 ? random.Next(1, 500) / 100f : 1f;
            ticks.Add(t, bid / 100_000.0, (bid + spread) / 100_000.0, volume, volume);
        }
        return ticks;
    }

    /// <summary>Copies of <paramref name="parts"/> contiguous parts: part j holds ticks [⌊n·j/parts⌋, ⌊n·(j+1)/parts⌋), the split the SQL anchor uses.</summary>
    public static TickColumns[] Split(TickColumns ticks, int parts)
    {
        var result = new TickColumns[parts];
        var n = (long)ticks.Count;
        for (var j = 0; j < parts; j++)
        {
            var from = (int)(n * j / parts);
            var to = (int)(n * (j + 1) / parts);
            result[j] = new TickColumns(to - from);
            result[j].AddRange(ticks, from, to - from);
        }
        return result;
    }
}
