using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using TickKernelExtensions;
using TickKernelExtensions.Columnar;
using TickKernelExtensions.Lakehouse.Bronze;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Processing.Features;
using TickKernelExtensions.Processing.Gold;
using TickKernelExtensions.Processing.Silver;

// Usage: dotnet run -c Release --project bench/Processing.Bench -- [--days N] [--symbols N] [--ticks-per-day N] [--runs N] [--work DIR]
// N days × symbols of random-walk ticks are published as bronze.ticks; then silver (SilverTicks) runs with 1 and 2
// workers and gold (GoldTables: one-minute bars + the gold-core features) with 1 and 2, each against DuckDB doing the
// comparable SQL on the same bronze files in the same run: for silver, read + de-duplicate + drop crossed and
// non-positive quotes + a rolling 100-tick median of the mid + session date + write Parquet; for gold, one-minute
// bid/ask/mid OHLC with first/last by time, spread statistics and counts, written as Parquet.
var days = 10;
var symbols = 2;
var ticksPerDay = 100_000;
var runs = 3;
var work = Path.GetFullPath(Path.Combine("bench", "out", "processing"));
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--days": days = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--symbols": symbols = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--ticks-per-day": ticksPerDay = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--work": work = Path.GetFullPath(args[++i]); break;
        default: throw new ArgumentException($"Unknown option '{args[i]}'. Options: --days N, --symbols N, --ticks-per-day N, --runs N, --work DIR.");
    }
}
if (Directory.Exists(work))
{
    Directory.Delete(work, recursive: true);
}
var layout = new DataLayout(work);
var dataset = new TickParquetDataset(layout.Ticks);
var names = new[] { "EURUSD", "GBPUSD", "USDJPY", "AUDUSD" }.Take(symbols).ToList();
var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
await using (var writer = dataset.BeginWrite("bench"))
{
    var random = new Random(7);
    foreach (var symbol in names)
    {
        for (var d = 0; d < days; d++)
        {
            var ticks = new TickColumns(ticksPerDay);
            var dayStart = TickTime.ToMicros(start.AddDays(d));
            var spacing = TickTime.MicrosPerDay / ticksPerDay;
            var mid = 1.08;
            for (var k = 0; k < ticksPerDay; k++)
            {
                var t = dayStart + (k * spacing) + random.NextInt64(spacing);
                mid += (random.NextDouble() - 0.5) * 1e-5;
                ticks.Add(t, Math.Round(mid - 0.00003, 5), Math.Round(mid + 0.00003, 5), 1.5f, 1.2f);
            }
            await writer.AppendAsync(symbol, ticks);
        }
    }
    await writer.CommitAsync();
}
var total = (long)names.Count * days * ticksPerDay;
await using var catalog = await JdbcCatalog.OpenAsync(JdbcCatalogOptions.Sqlite(Path.Combine(work, "catalog.db")));
using var tables = new IcebergTables(catalog, new IcebergTablesOptions { Warehouse = layout.Lake });
await BronzeTicks.PublishAsync(tables, dataset, "bench", layout.LakehouseState);
var bronzeFiles = IcebergTableReader.Open(new LocalIcebergFileIO(), (await catalog.LoadTableAsync(BronzeTicks.Table)).MetadataLocation)
    .Plan().DataFiles.Select(f => new LocalIcebergFileIO().LocalPath(f.File.FilePath)!).ToList();
var fileList = "[" + string.Join(", ", bronzeFiles.Select(f => "'" + f.Replace("'", "''", StringComparison.Ordinal) + "'")) + "]";

Console.WriteLine($"== processing: {names.Count} symbols × {days} days × {ticksPerDay:N0} ticks = {total:N0} ticks, {runs} runs, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine("| step | workers | ours: median s | ours: M ticks/s | DuckDB SQL: median s | DuckDB: M ticks/s | ratio |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
foreach (var workers in new[] { 1, 2 })
{
    var silver = Time(runs, () => SilverTicks.BuildAsync(tables, new SilverOptions { MaxDegreeOfParallelism = workers }).GetAwaiter().GetResult());
    var silverAnchor = Time(runs, () => DuckDb(workers, $"""
        COPY (
            SELECT symbol, ts, bid, ask, bid_volume, ask_volume,
                   median((bid + ask) / 2) OVER (PARTITION BY symbol, ts::DATE ORDER BY ts ROWS BETWEEN 100 PRECEDING AND 1 PRECEDING) AS rolling_mid,
                   (ts AT TIME ZONE 'America/New_York' + INTERVAL 7 HOUR)::DATE AS session_date
            FROM (SELECT DISTINCT * FROM read_parquet({fileList}, hive_partitioning = false))
            WHERE bid > 0 AND ask >= bid
        ) TO '{Path.Combine(work, $"anchor-silver-{workers}")}' (FORMAT PARQUET, COMPRESSION ZSTD, PARTITION_BY (symbol), OVERWRITE_OR_IGNORE)
        """));
    Row("silver: clean + write", workers, silver, silverAnchor);
    var gold = Time(runs, () => GoldTables.BuildAsync(tables, new GoldOptions { MaxDegreeOfParallelism = workers }).GetAwaiter().GetResult());
    var goldAnchor = Time(runs, () => DuckDb(workers, $"""
        COPY (
            SELECT symbol, time_bucket(INTERVAL 1 MINUTE, ts) AS open_time, count(*) AS tick_count,
                   arg_min(bid, ts) AS bid_open, max(bid) AS bid_high, min(bid) AS bid_low, arg_max(bid, ts) AS bid_close,
                   arg_min(ask, ts) AS ask_open, max(ask) AS ask_high, min(ask) AS ask_low, arg_max(ask, ts) AS ask_close,
                   arg_min((bid + ask) / 2, ts) AS mid_open, max((bid + ask) / 2) AS mid_high, min((bid + ask) / 2) AS mid_low, arg_max((bid + ask) / 2, ts) AS mid_close,
                   avg(ask - bid) AS spread_mean, min(ask - bid) AS spread_min, max(ask - bid) AS spread_max,
                   sum(bid_volume) AS bid_volume, sum(ask_volume) AS ask_volume
            FROM read_parquet({fileList}, hive_partitioning = false) GROUP BY ALL
        ) TO '{Path.Combine(work, $"anchor-gold-{workers}")}' (FORMAT PARQUET, COMPRESSION ZSTD, PARTITION_BY (symbol), OVERWRITE_OR_IGNORE)
        """));
    Row("gold: 1m bars + gold-core features + write (anchor: bars only)", workers, gold, goldAnchor);
}
// The kernels alone, from the silver Parquet files to bars and features in memory, against DuckDB computing the same
// one-minute bars from the same files (result rows read back), with the same thread count.
var silverFiles = IcebergTableReader.Open(new LocalIcebergFileIO(), (await catalog.LoadTableAsync(SilverTicks.Table)).MetadataLocation)
    .Plan().DataFiles
    .GroupBy(f => (string)f.File.Partition.Values.First(v => v is string)!)
    .ToDictionary(g => g.Key, g => g.OrderBy(f => f.File.Partition.Values.OfType<DateOnly>().First()).Select(f => new LocalIcebergFileIO().LocalPath(f.File.FilePath)!).ToList());
var silverList = "[" + string.Join(", ", silverFiles.Values.SelectMany(f => f).Select(f => "'" + f.Replace("'", "''", StringComparison.Ordinal) + "'")) + "]";
foreach (var workers in new[] { 1, 2 })
{
    long bars = 0;
    var kernel = Time(runs, () =>
    {
        var counts = new long[silverFiles.Count];
        Parallel.For(0, silverFiles.Count, new ParallelOptions { MaxDegreeOfParallelism = workers }, k =>
        {
            counts[k] = KernelBars(silverFiles.Values.ElementAt(k));
        });
        bars = counts.Sum();
    });
    long anchorBars = 0;
    var anchor = Time(runs, () => anchorBars = DuckDbRows(workers, $"""
        SELECT symbol, time_bucket(INTERVAL 1 MINUTE, ts) AS open_time, count(*) AS tick_count,
               arg_min(bid, ts), max(bid), min(bid), arg_max(bid, ts), arg_min(ask, ts), max(ask), min(ask), arg_max(ask, ts),
               arg_min((bid + ask) / 2, ts), max((bid + ask) / 2), min((bid + ask) / 2), arg_max((bid + ask) / 2, ts),
               avg(ask - bid), min(ask - bid), max(ask - bid), sum(bid_volume), sum(ask_volume)
        FROM read_parquet({silverList}, hive_partitioning = false) WHERE flags & 5 = 0 GROUP BY ALL
        """));
    if (bars != anchorBars)
    {
        throw new InvalidOperationException($"bar counts differ: ours {bars}, DuckDB {anchorBars}");
    }
    Row($"kernel: silver Parquet → 1m bars + gold-core features in memory (anchor: the bars), {bars:N0} bars", workers, kernel, anchor);
}
return 0;

// One symbol's silver files, day by day: read into columns through DuckDB (as LakeTicks does), drop flagged ticks,
// build one-minute bars and the gold-core features.
static long KernelBars(List<string> files)
{
    using var connection = new DuckDBConnection("DataSource=:memory:");
    connection.Open();
    var builder = new TimeBarBuilder(new TimeBarOptions());
    var calculator = new FeatureSetCalculator(FeatureSetDefinition.GoldCore);
    var table = calculator.CreateTable(4096);
    var bars = new BarColumns(4096);
    long total = 0;
    var ticks = new TickColumns(1 << 17);
    foreach (var file in files)
    {
        ticks.Clear();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT epoch_us(ts), bid, ask, bid_volume, ask_volume FROM read_parquet('{file.Replace("'", "''", StringComparison.Ordinal)}', hive_partitioning = false) WHERE flags & 5 = 0";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ticks.Add(reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2),
                    reader.IsDBNull(3) ? float.NaN : reader.GetFloat(3), reader.IsDBNull(4) ? float.NaN : reader.GetFloat(4));
            }
        }
        bars.Clear();
        builder.Add(ticks, bars);
        calculator.Append(bars, table);
        total += bars.Count;
        table.Clear();
    }
    bars.Clear();
    builder.Flush(bars);
    calculator.Append(bars, table);
    return total + bars.Count;
}

static long DuckDbRows(int threads, string sql)
{
    using var connection = new DuckDBConnection("DataSource=:memory:");
    connection.Open();
    using (var set = connection.CreateCommand())
    {
        set.CommandText = $"SET threads = {threads}; SET TimeZone = 'UTC'";
        set.ExecuteNonQuery();
    }
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    using var reader = command.ExecuteReader();
    long rows = 0;
    while (reader.Read())
    {
        for (var c = 0; c < reader.FieldCount; c++)
        {
            _ = reader.GetValue(c);
        }
        rows++;
    }
    return rows;
}

void Row(string step, int workers, double ours, double anchor) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {step} | {workers} | {ours:0.00} | {total / ours / 1e6:0.00} | {anchor:0.00} | {total / anchor / 1e6:0.00} | {ours / anchor:0.00}× |"));

static double Time(int runs, Action action)
{
    var times = new List<double>();
    for (var r = 0; r < runs; r++)
    {
        var clock = Stopwatch.StartNew();
        action();
        times.Add(clock.Elapsed.TotalSeconds);
    }
    times.Sort();
    return times[times.Count / 2];
}

static void DuckDb(int threads, string sql)
{
    using var connection = new DuckDBConnection("DataSource=:memory:");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = $"SET threads = {threads}; SET TimeZone = 'UTC'; {sql}";
    command.ExecuteNonQuery();
}
