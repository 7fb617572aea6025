using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Tests.Processing.Features;

/// <summary>Synthetic bars and ticks for the feature tests (seeded, so every run sees the same data).</summary>
internal static class FeatureTestData
{
    public const long Minute = 60_000_000;

    public static readonly long T0 = TickTime.ToMicros(new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>A bar with the given mid close (bid = mid − spread/2), one tick, opening at minute <paramref name="minute"/>.</summary>
    public static Bar MidBar(int minute, double mid, double spread = 0.0002, double bidVolume = 1, double askVolume = 1)
    {
        var bid = mid - (spread / 2);
        var ask = mid + (spread / 2);
        var open = T0 + (minute * Minute);
        return new Bar(open, open + Minute, 1, bid, bid, bid, bid, ask, ask, ask, ask, mid, mid, mid, mid,
            spread, spread, spread, bidVolume, askVolume);
    }

    /// <summary>
    /// About 3½ days of EURUSD-like ticks from Friday 2024-01-05 06:00 UTC to Monday 2024-01-08 18:00 UTC, with the
    /// FX weekend (Friday 22:00 to Sunday 22:00) empty and volumes missing (NaN) for one hour on Monday.
    /// </summary>
    public static TickColumns Ticks(int seed = 20240105)
    {
        var random = new Random(seed);
        var ticks = new TickColumns(1 << 16);
        var t = TickTime.ToMicros(new DateTime(2024, 1, 5, 6, 0, 0, DateTimeKind.Utc));
        var end = TickTime.ToMicros(new DateTime(2024, 1, 8, 18, 0, 0, DateTimeKind.Utc));
        var weekendStart = TickTime.ToMicros(new DateTime(2024, 1, 5, 22, 0, 0, DateTimeKind.Utc));
        var weekendEnd = TickTime.ToMicros(new DateTime(2024, 1, 7, 22, 0, 0, DateTimeKind.Utc));
        var noVolumeStart = TickTime.ToMicros(new DateTime(2024, 1, 8, 9, 0, 0, DateTimeKind.Utc));
        var mid = 1.0950;
        while (t < end)
        {
            t += random.Next(200_000, 25_000_000);
            if (t >= weekendStart && t < weekendEnd)
            {
                t = weekendEnd + random.Next(0, 5_000_000);
            }
            mid += (random.NextDouble() - 0.5) * 0.0002;
            var spread = 0.00005 + (random.Next(0, 20) * 0.00001);
            var noVolume = t >= noVolumeStart && t < noVolumeStart + (60 * Minute);
            var bidVolume = noVolume ? float.NaN : (float)Math.Round(1 + (random.NextDouble() * 4), 2);
            var askVolume = noVolume ? float.NaN : (float)Math.Round(1 + (random.NextDouble() * 4), 2);
            ticks.Add(t, Math.Round(mid - (spread / 2), 5), Math.Round(mid + (spread / 2), 5), bidVolume, askVolume);
        }
        return ticks;
    }
}
