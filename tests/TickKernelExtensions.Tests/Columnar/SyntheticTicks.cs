using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Columnar;

/// <summary>
/// Seeded EURUSD-like ticks for the Parquet tests: non-decreasing timestamps (0 to 400 ms apart,
/// sometimes equal), a bid random walk on a 1e-5 grid, a spread of 1 to 3 points, volumes on a 0.01
/// grid, and a chosen share of NaN ("not provided") volumes.
/// </summary>
internal static class SyntheticTicks
{
    public static readonly long Start = TickTime.ToMicros(new DateTime(2019, 2, 4, 0, 0, 0, DateTimeKind.Utc));

    public static TickColumns Create(int count, int seed = 1, double nanVolumeShare = 0, long? startMicros = null, long maxStepMicros = 400_000)
    {
        var random = new Random(seed);
        var ticks = new TickColumns(count);
        var ts = startMicros ?? Start;
        var bid = 114_500;
        for (var i = 0; i < count; i++)
        {
            ts += random.NextInt64(0, maxStepMicros + 1);
            bid += random.Next(-3, 4);
            var ask = bid + random.Next(1, 4);
            var bidVolume = random.NextDouble() < nanVolumeShare ? float.NaN : random.Next(1, 500) / 100f;
            var askVolume = random.NextDouble() < nanVolumeShare ? float.NaN : random.Next(1, 500) / 100f;
            ticks.Add(ts, bid / 100_000.0, ask / 100_000.0, bidVolume, askVolume);
        }
        return ticks;
    }
}
