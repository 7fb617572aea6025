using System.Globalization;
using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Cleaning;

namespace Pipeline.Scripts.Tests.Spark;

/// <summary>
/// The Spark job's port of the cleaning rules (<c>clean_day</c>) against the library's <c>TickCleaner.CleanDay</c> on
/// seeded synthetic days full of problems: the kept ticks, their order and every flag must be identical.
/// </summary>
public sealed class SparkJobCleanerCrossCheckTests
{
    private const string Generator = """
        import random
        from datetime import date
        random.seed(SEED)
        day = (date(2024, 2, 9) - date(1970, 1, 1)).days * tp.MICROS_PER_DAY  # a Friday: after 22:00 UTC the session is closed
        rows, t, mid, shift_at = [], day + random.randint(0, 30_000_000), 1.078, random.randint(5_000, 15_000)
        while t < day + tp.MICROS_PER_DAY and len(rows) < 20_000:
            r = random.random()
            if len(rows) == shift_at:
                mid += 0.006  # a real level shift: the filter re-anchors
            mid += random.gauss(0, 1.5e-5)
            sp = 3e-4 if random.random() < 0.002 else random.choice([1e-5, 1.2e-5, 1.5e-5, 2e-5])
            bid, ask = round(mid - sp / 2, 6), round(mid + sp / 2, 6)
            bv, av = random.choice([0.75, 1.0, 1.5, 2.25]), random.choice([0.5, 1.0, 3.0])
            if r < 0.001: bid, ask = ask, bid
            elif r < 0.0015: bid = float("nan")
            elif r < 0.002: ask = 0.0
            elif r < 0.003: bid, ask = bid + 0.004, ask + 0.004
            elif r < 0.0035: bv = float("nan")
            rows.append((t, bid, ask, bv, av))
            if random.random() < 0.01: rows.append(rows[-1])
            if random.random() < 0.003 and len(rows) > 3: rows[-1], rows[-2] = rows[-2], rows[-1]
            g = random.random()
            if g < 0.0005: t += random.randint(61_000_000, 900_000_000)
            elif g < 0.002: t += random.randint(1, 3) * 60_000_000
            elif g >= 0.3: t += random.randint(1, 4000) * 1000
            if random.random() < 0.002:
                for k in range(14):
                    t += 30_000_000
                    rows.append((t, rows[-1][1], rows[-1][2], 1.0, 1.0))
        rows = [x for x in rows if x[0] < day + tp.MICROS_PER_DAY]
        options = dict(crossed_quotes="drop", duplicates="drop", spikes="flag", spike_window=100, spike_min_samples=20,
                       spike_threshold=10.0, spike_min_relative_scale=5e-5, spike_reanchor_after=5, wide_spread_multiple=10.0,
                       min_gap_us=60_000_000, stale_after_us=300_000_000)
        out, tail = tp.clean_day(rows, day, options, tp.SessionRule())
        print("\n".join("{},{!r},{!r},{!r},{!r}".format(*x) for x in rows))
        print("--")
        print("\n".join("{},{!r},{}".format(rows[i][0], rows[i][1], flags) for i, reason, flags, _, _, _ in out if reason is None))
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task CleanDay_SeededSyntheticDay_JobAndLibraryKeepAndFlagTheSameTicks(int seed)
    {
        var output = await SparkJobPython.EvalAsync(Generator.Replace("SEED", seed.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var parts = output.Split("\n--\n");
        var input = new TickColumns();
        foreach (var line in parts[0].Split('\n'))
        {
            var f = line.Split(',');
            input.Add(long.Parse(f[0], CultureInfo.InvariantCulture), Parse(f[1]), Parse(f[2]), (float)Parse(f[3]), (float)Parse(f[4]));
        }

        var (ticks, flags, _) = TickCleaner.CleanDay("EURUSD", new DateOnly(2024, 2, 9), input);
        var library = Enumerable.Range(0, ticks.Count).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{ticks.Timestamps[i]},{Repr(ticks.Bids[i])},{(int)flags[i]}"));

        Assert.True(input.Count > 10_000, "the generator made too few ticks");
        Assert.Equal(parts[1].Split('\n'), library);
    }

    private static double Parse(string text) => text switch
    {
        "nan" => double.NaN,
        _ => double.Parse(text, CultureInfo.InvariantCulture),
    };

    /// <summary>Python's repr of a double: shortest round-trip digits, with ".0" for whole numbers.</summary>
    private static string Repr(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
