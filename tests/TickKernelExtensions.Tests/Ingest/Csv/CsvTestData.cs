using System.IO.Compression;
using TickKernelExtensions.Ingest.Csv;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Ingest.Csv;

/// <summary>Inputs and helpers shared by the CSV reader tests.</summary>
internal static class CsvTestData
{
    public static Instrument Eurusd { get; } = InstrumentCatalog.Default.Get("EURUSD");

    /// <summary>UTC epoch microseconds of a UTC wall time.</summary>
    public static long Utc(int year, int month, int day, int hour, int minute, int second, int millisecond) =>
        TickTime.ToMicros(new DateTime(year, month, day, hour, minute, second, millisecond, DateTimeKind.Utc));

    /// <summary>Reads a whole file through <see cref="CsvTickReader"/>, batch by batch.</summary>
    public static (TickColumns Ticks, CsvReadSummary Summary, int Batches) ReadAll(string path, CsvImportOptions? options = null)
    {
        using var reader = CsvTickReader.Open(path, options);
        var all = new TickColumns();
        var batch = new TickColumns();
        var batches = 0;
        while (reader.ReadBatch(batch))
        {
            all.AddRange(batch, 0, batch.Count);
            batches++;
        }
        return (all, reader.Summary, batches);
    }

    /// <summary>The error reading a file throws (opening or reading).</summary>
    public static MarketDataException ReadError(string path, CsvImportOptions? options = null) =>
        Assert.Throws<MarketDataException>(() => ReadAll(path, options));

    /// <summary>Writes a zip holding the given entries (name → text).</summary>
    public static string WriteZip(string path, params (string Name, string Text)[] entries)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, text) in entries)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(text);
        }
        return path;
    }

    /// <summary>
    /// A deterministic random walk of <paramref name="count"/> EURUSD-like ticks: prices mostly on the
    /// point grid, some off it (float artefacts such as 1.0700000000000001 take the parser's slow path),
    /// volumes in hundredths with some tiny (exponent form) and some large, 1-250 ms apart.
    /// </summary>
    public static TickColumns RandomWalk(Instrument instrument, int count, DateTime startUtc, int seed = 7)
    {
        var rng = new Random(seed);
        var ticks = new TickColumns(count);
        var ts = TickTime.ToMicros(startUtc);
        var factor = (double)instrument.DecimalFactor;
        var mid = (instrument.PlausibleLow + instrument.PlausibleHigh) / 4;
        var bidPoints = (long)Math.Round(mid * factor);
        for (var i = 0; i < count; i++)
        {
            ts += rng.Next(1, 250) * TickTime.MicrosPerMilli;
            bidPoints += rng.Next(-3, 4);
            var bid = bidPoints / factor;
            var ask = (bidPoints + rng.Next(0, 25)) / factor;
            if (i % 97 == 5)
            {
                ask = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(ask) + 1);
            }
            var bidVolume = (float)(rng.Next(1, 1000) / 100.0);
            var askVolume = (i % 50) switch
            {
                3 => 1.3e-6f,
                7 => 12345.67f,
                _ => (float)(rng.Next(1, 1000) / 100.0),
            };
            ticks.Add(ts, bid, ask, bidVolume, askVolume);
        }
        return ticks;
    }

    /// <summary>Asserts two batches hold the same ticks, bit for bit (NaN equals NaN).</summary>
    public static void AssertSameColumns(TickColumns expected, TickColumns actual, bool volumes = true)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected.Timestamps[i] == actual.Timestamps[i], $"timestamp {i}: {expected.TimeAt(i):O} vs {actual.TimeAt(i):O}");
            Assert.True(expected.Bids[i].Equals(actual.Bids[i]), $"bid {i}: {expected.Bids[i]:R} vs {actual.Bids[i]:R}");
            Assert.True(expected.Asks[i].Equals(actual.Asks[i]), $"ask {i}: {expected.Asks[i]:R} vs {actual.Asks[i]:R}");
            if (volumes)
            {
                Assert.True(expected.BidVolumes[i].Equals(actual.BidVolumes[i]), $"bid volume {i}: {expected.BidVolumes[i]:R} vs {actual.BidVolumes[i]:R}");
                Assert.True(expected.AskVolumes[i].Equals(actual.AskVolumes[i]), $"ask volume {i}: {expected.AskVolumes[i]:R} vs {actual.AskVolumes[i]:R}");
            }
        }
    }
}
