using System.Globalization;
using TickKernelExtensions.Ingest.Csv;
using TickKernelExtensions.Market;

namespace Ingest.Bench;

/// <summary>
/// The input of the CSV benchmark: one EURUSD random walk of <c>rows</c> ticks over six trading weeks from
/// Monday 2019-02-04 (weekends skipped, Friday 22:00 to Sunday 22:00 UTC), written as CSV by
/// <see cref="CsvTickFileWriter"/> in a given format. Timestamps are whole, strictly increasing milliseconds
/// (about 260 ms apart for 10 M ticks), spreads 1–19 points (mostly 1–3), volumes in millions like the feed.
/// Generated from a fixed seed in chunks of 1 M ticks (bounded memory) and cached under the work directory.
/// </summary>
internal static class CsvBenchData
{
    private const int Seed = 20190204;
    private const string Version = "csv-bench v1";
    private const int Weeks = 6;
    private const int ChunkSize = 1 << 20;
    private static readonly DateTime First = new(2019, 2, 4, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The cached file of <paramref name="rows"/> ticks in <paramref name="format"/>, generated first if missing.</summary>
    public static string LoadOrCreate(string workDir, long rows, CsvTickFormat format)
    {
        var dir = Path.Combine(workDir, "csv");
        Directory.CreateDirectory(dir);
        var name = format == CsvTickFormat.DukascopyNode ? "eurusd-node" : "eurusd-dukascopy";
        var path = Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"{name}-{rows}.csv"));
        var manifest = path + ".manifest";
        var expected = string.Create(CultureInfo.InvariantCulture, $"{Version} seed={Seed} rows={rows} format={format}");
        if (File.Exists(path) && File.Exists(manifest) && File.ReadAllText(manifest) == expected)
        {
            return path;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generating {rows:N0} ticks as {format} CSV: {path} ..."));
        File.Delete(manifest);
        Generate(path, rows, format);
        File.WriteAllText(manifest, expected);
        return path;
    }

    private static void Generate(string path, long rows, CsvTickFormat format)
    {
        var eurusd = InstrumentCatalog.Default.Get("EURUSD");
        var options = new CsvTickWriteOptions { Format = format, Instrument = eurusd };
        var random = new Random(Seed);
        // Mean gap so that the ticks fill the trading time of the six weeks (5 x 24 h a week).
        var meanGapMs = Weeks * 5 * 24 * 3_600_000.0 / rows;
        var utcMs = (long)(First - DateTime.UnixEpoch).TotalMilliseconds;
        var bid = 114_000L;
        var chunk = new TickColumns(ChunkSize);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        using var buffer = new MemoryStream();
        for (long done = 0; done < rows; done += chunk.Count)
        {
            chunk.Clear();
            var n = (int)Math.Min(ChunkSize, rows - done);
            for (var i = 0; i < n; i++)
            {
                utcMs = SkipWeekend(utcMs + 1 + (long)(-Math.Log(1 - random.NextDouble()) * (meanGapMs - 1)));
                var r = random.NextDouble();
                var step = r < 0.5 ? 0 : r < 0.7 ? 1 : r < 0.9 ? -1 : r < 0.95 ? 2 : -2;
                // Beyond 2,000 pips from 1.14000 a pull back keeps any --rows within EURUSD's plausible range.
                bid += step - ((bid - 114_000) / 20_000);
                var spread = random.Next(10) < 8 ? random.Next(1, 4) : random.Next(4, 20);
                chunk.Add(utcMs * TickTime.MicrosPerMilli, bid / 100_000.0, (bid + spread) / 100_000.0, Volume(random), Volume(random));
            }
            buffer.SetLength(0);
            CsvTickFileWriter.Write(buffer, chunk, options);
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            // Every chunk is written with the header line; only the first keeps it.
            file.Write(done == 0 ? bytes : bytes[(bytes.IndexOf((byte)'\n') + 1)..]);
        }
    }

    /// <summary>Friday 22:00 UTC to Sunday 22:00 UTC has no ticks: a time in there moves to Sunday 22:00.</summary>
    private static long SkipWeekend(long utcMs)
    {
        const long hour = 3_600_000;
        const long week = 7 * 24 * hour;
        // The Unix epoch is a Thursday: offset the week so that it starts on Monday 00:00.
        var inWeek = ((utcMs + (3 * 24 * hour)) % week + week) % week;
        var closes = (4 * 24 * hour) + (22 * hour);
        var opens = (6 * 24 * hour) + (22 * hour);
        return inWeek >= closes && inWeek < opens ? utcMs + (opens - inWeek) : utcMs;
    }

    /// <summary>Like the feed: mostly exactly 1 (million), otherwise a two-decimal amount.</summary>
    private static float Volume(Random random) =>
        random.Next(2) == 0 ? 1f : (float)Math.Round(1 + (random.NextDouble() * 9), 2);
}
