using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using TickKernelExtensions;
using TickKernelExtensions.Columnar;
using TickKernelExtensions.Lakehouse.Bronze;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Sql;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Market;

// Usage: dotnet run -c Release --project bench/Lakehouse.Bench -- [--days 5,20,80] [--ticks-per-day N] [--runs N] [--work DIR]
// For each N: N days of one symbol are written as stage-1 tick Parquet and published as bronze.ticks (one append);
// then the same one-day query runs through the catalog (pipeline sql's engine) and in DuckDB on that day's file alone.
var days = new[] { 5, 20, 80 };
var ticksPerDay = 50_000;
var runs = 7;
var work = Path.GetFullPath(Path.Combine("bench", "out", "lakehouse"));
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--days": days = args[++i].Split(',').Select(d => int.Parse(d, CultureInfo.InvariantCulture)).ToArray(); break;
        case "--ticks-per-day": ticksPerDay = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--work": work = Path.GetFullPath(args[++i]); break;
        default: throw new ArgumentException($"Unknown option '{args[i]}'. Options: --days 5,20,80, --ticks-per-day N, --runs N, --work DIR.");
    }
}
Console.WriteLine($"== lakehouse: {ticksPerDay:N0} ticks per day, {runs} runs per query, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine("| days in table | rows | append rows/s (ours: publish) | DuckDB scan rows/s (same files) | one-day query, ours: median ms | DuckDB on that day's file: median ms | ratio | ours: best ms | DuckDB: best ms | ratio of bests | ours: CPU ms | DuckDB: CPU ms | CPU ratio |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var n in days)
{
    var root = Path.Combine(work, $"days-{n}");
    if (Directory.Exists(root))
    {
        Directory.Delete(root, recursive: true);
    }
    var layout = new DataLayout(root);
    var dataset = new TickParquetDataset(layout.Ticks);
    var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    await using (var writer = dataset.BeginWrite("bench"))
    {
        var random = new Random(n);
        for (var d = 0; d < n; d++)
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
            await writer.AppendAsync("EURUSD", ticks);
        }
        await writer.CommitAsync();
    }
    var files = dataset.ListFiles().Select(f => f.Path).ToList();
    await using var catalog = await JdbcCatalog.OpenAsync(JdbcCatalogOptions.Sqlite(Path.Combine(root, "catalog.db")));
    var tables = new IcebergTables(catalog, new IcebergTablesOptions { Warehouse = layout.Lake });
    var clock = Stopwatch.StartNew();
    await BronzeTicks.PublishAsync(tables, dataset, "bench", layout.LakehouseState);
    var publish = clock.Elapsed;
    long rows = (long)n * ticksPerDay;
    clock.Restart();
    var scanned = ScalarOnce($"SELECT count(bid) FROM read_parquet([{string.Join(", ", files.Select(Literal))}], hive_partitioning = false)");
    var scan = clock.Elapsed;
    // Each run asks for another day (the middle one first, then onwards, wrapping): a session asks different
    // questions, and no cache of either side gets the same query twice in a row.
    var dayFolder = Path.Combine(layout.Lake, "bronze", "ticks", "data", "symbol=EURUSD");
    DateTime Day(int run) => start.AddDays((n / 2 + run) % n);
    string DayFile(DateTime day) => Directory.GetFiles(Path.Combine(dayFolder, $"ts_day={day:yyyy-MM-dd}"), "*.parquet").Single();
    string WhereWindow(DateTime day, TimeSpan from) =>
        $"ts >= TIMESTAMPTZ '{day + TimeSpan.FromMinutes(from.TotalMinutes % 1440):yyyy-MM-dd HH:mm:ss}+00' AND ts < TIMESTAMPTZ '{day.AddDays(1):yyyy-MM-dd} 00:00:00+00'";
    string Where(DateTime day) => $"ts >= TIMESTAMPTZ '{day:yyyy-MM-dd} 00:00:00+00' AND ts < TIMESTAMPTZ '{day.AddDays(1):yyyy-MM-dd} 00:00:00+00'";
    // Both sides keep their DuckDB database open across runs, as a notebook session does: the engine its own (a pooled
    // connection and catalog per query), the anchor one connection, with the engine's settings (UTC, Parquet footers
    // cached), so the ratio is what the catalog, the planning and the pruning add.
    await using var lake = LakehouseSql.Over(catalog, new LocalIcebergFileIO());
    using var anchorConnection = new DuckDBConnection("DataSource=:memory:");
    anchorConnection.Open();
    Scalar(anchorConnection, "SET TimeZone = 'UTC'; SET parquet_metadata_cache = true; SELECT 0");
    var ours = new List<double>();
    var anchor = new List<double>();
    var oursCpu = new List<double>();
    var anchorCpu = new List<double>();
    long oursCount = 0, anchorCount = 0;
    // Warm-up, not timed: until the JIT has compiled both sides' code at its final tier (tier-1 needs 30 calls and a
    // background compile), in rounds of queries over the first days only, each asking for a different window of the day
    // so that every round plans afresh; the timed runs then ask for days no warm-up query touched (while there are any).
    const int warmUpDays = 20;
    var warmClock = Stopwatch.StartNew();
    var warmRounds = 0;
    var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
    for (var compiled = long.MaxValue; compiled >= 5 && warmClock.Elapsed < TimeSpan.FromMinutes(1); warmRounds++)
    {
        var roundStart = System.Runtime.JitInfo.GetCompiledMethodCount();
        for (var q = 0; q < 40; q++)
        {
            var day = Day(q % warmUpDays);
            var window = WhereWindow(day, TimeSpan.FromMinutes((warmRounds * 40) + q));
            await lake.QueryAsync($"SELECT count(*), avg(bid) FROM bronze.ticks WHERE {window}");
            Scalar(anchorConnection, $"SELECT count(*), avg(bid) FROM read_parquet({Literal(DayFile(day))}, hive_partitioning = false) WHERE {window}");
        }
        compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - roundStart;
    }
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{n} days: warmed up in {warmClock.Elapsed.TotalSeconds:0.0} s ({warmRounds} rounds of 40 queries, {System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore:N0} methods compiled)"));
    for (var r = 0; r < runs; r++)
    {
        var day = Day(r + warmUpDays);
        var where = Where(day);
        var dayFile = DayFile(day);
        var cpu = Cpu.Milliseconds();
        clock.Restart();
        var result = await lake.QueryAsync($"SELECT count(*), avg(bid) FROM bronze.ticks WHERE {where}");
        var o = clock.Elapsed.TotalMilliseconds;
        var oc = Cpu.Milliseconds() - cpu;
        oursCount = Convert.ToInt64(result.Rows[0][0], CultureInfo.InvariantCulture);
        cpu = Cpu.Milliseconds();
        clock.Restart();
        anchorCount = Scalar(anchorConnection, $"SELECT count(*), avg(bid) FROM read_parquet({Literal(dayFile)}, hive_partitioning = false) WHERE {where}");
        var a = clock.Elapsed.TotalMilliseconds;
        var ac = Cpu.Milliseconds() - cpu;
        if (oursCount != anchorCount)
        {
            throw new InvalidOperationException($"{day:yyyy-MM-dd}: ours counted {oursCount} ticks, the anchor {anchorCount}");
        }
        ours.Add(o);
        anchor.Add(a);
        oursCpu.Add(oc);
        anchorCpu.Add(ac);
    }
    if (oursCount != ticksPerDay || anchorCount != ticksPerDay || scanned != rows)
    {
        throw new InvalidOperationException($"wrong counts: ours {oursCount}, anchor {anchorCount}, scan {scanned}, expected {ticksPerDay} per day and {rows} in all");
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {n} | {rows:N0} | {rows / publish.TotalSeconds:N0} | {rows / scan.TotalSeconds:N0} | {Median(ours):0.0} | {Median(anchor):0.0} | {Median(ours) / Median(anchor):0.00}× | {ours.Min():0.00} | {anchor.Min():0.00} | {ours.Min() / anchor.Min():0.00}× | {Median(oursCpu):0.00} | {Median(anchorCpu):0.00} | {Median(oursCpu) / Median(anchorCpu):0.00}× |"));
}
return 0;

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Literal(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

static long Scalar(DuckDBConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
}

static long ScalarOnce(string sql)
{
    using var connection = new DuckDBConnection("DataSource=:memory:");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
}

// CPU time of the whole process (every thread, DuckDB's included), from clock_gettime(CLOCK_PROCESS_CPUTIME_ID): on a
// loaded machine it moves much less than wall time, since time spent waiting for a core is not counted.
internal static partial class Cpu
{
    private const int ClockProcessCpuTimeId = 2;

    public static double Milliseconds()
    {
        var spec = default(TimeSpec);
        return ClockGetTime(ClockProcessCpuTimeId, ref spec) == 0 ? (spec.Seconds * 1e3) + (spec.Nanoseconds / 1e6) : double.NaN;
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, ref TimeSpec spec);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
