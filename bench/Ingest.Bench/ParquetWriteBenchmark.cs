using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Parquet;
using Parquet.Schema;
using TickKernelExtensions.Columnar;
using TickKernelExtensions.Market;

namespace Ingest.Bench;

/// <summary>
/// Tick columns to a Parquet file: our <see cref="TickParquetWriter"/> against Parquet.Net 6.1.0 on the
/// same synthetic ticks (snappy both), with DuckDB's COPY of the same rows from an in-memory table as
/// the anchor. Each writer runs three times, interleaved; the best and median times are reported.
/// With <c>--threads N</c> (default: all cores) ours also runs with N encoder threads and DuckDB with N threads.
/// Default 10,000,000 rows. Output goes to <c>&lt;work&gt;/parquet-write/</c>.
/// </summary>
internal sealed class ParquetWriteBenchmark : IBenchmark
{
    private const int Repeats = 3;
    private const int BatchRows = 65_536;
    private const int RowGroupRows = 1 << 20;

    public string Name => "parquet-write";

    public string Description => "tick columns -> Parquet: ours vs Parquet.Net (snappy), DuckDB COPY as anchor";

    public async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var rows = checked((int)(options.Rows ?? 10_000_000));
        var dir = Path.Combine(options.WorkDir, "parquet-write");
        Directory.CreateDirectory(dir);
        Console.WriteLine($"generating {rows:N0} synthetic EURUSD ticks ...");
        var ticks = Generate(rows);

        var ours = Path.Combine(dir, "ours.parquet");
        var oursZstd = Path.Combine(dir, "ours-zstd.parquet");
        var parquetNet = Path.Combine(dir, "parquet-net.parquet");
        var duck = Path.Combine(dir, "duckdb.parquet");
        var results = new Dictionary<string, List<double>>();
        void Add(string name, TimeSpan t) => (results.TryGetValue(name, out var l) ? l : results[name] = []).Add(t.TotalSeconds);

        await WriteOursAsync(ticks, ours, TickParquetCompression.Snappy, 1, cancellationToken); // warm-up (JIT)
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, $"CREATE TABLE ticks AS SELECT * FROM read_parquet({Literal(ours)})");
        for (var r = 0; r < Repeats; r++)
        {
            Add("ours (snappy)", await WriteOursAsync(ticks, ours, TickParquetCompression.Snappy, 1, cancellationToken));
            if (options.Threads > 1)
            {
                Add($"ours, {options.Threads} encoder threads (snappy)", await WriteOursAsync(ticks, ours, TickParquetCompression.Snappy, options.Threads, cancellationToken));
            }
            Add("Parquet.Net (snappy)", await WriteParquetNetAsync(ticks, parquetNet, cancellationToken));
            Add("DuckDB COPY, 1 thread (snappy)", CopyDuckDb(connection, duck, 1));
            if (options.Threads > 1)
            {
                Add($"DuckDB COPY, {options.Threads} threads (snappy)", CopyDuckDb(connection, duck, options.Threads));
            }
            Add("ours (zstd 1)", await WriteOursAsync(ticks, oursZstd, TickParquetCompression.Zstd, 1, cancellationToken));
        }

        var files = new Dictionary<string, string>
        {
            ["ours (snappy)"] = ours,
            [$"ours, {options.Threads} encoder threads (snappy)"] = ours,
            ["ours (zstd 1)"] = oursZstd,
            ["Parquet.Net (snappy)"] = parquetNet,
            ["DuckDB COPY, 1 thread (snappy)"] = duck,
            [$"DuckDB COPY, {options.Threads} threads (snappy)"] = duck,
        };
        Console.WriteLine($"{"writer",-34} {"best s",8} {"median s",9} {"M rows/s",9} {"MB",8}");
        foreach (var (name, times) in results)
        {
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-34} {times[0],8:F3} {times[times.Count / 2],9:F3} {rows / times[0] / 1e6,9:F2} {new FileInfo(files[name]).Length / 1e6,8:F1}"));
        }
        var best = results.ToDictionary(kv => kv.Key, kv => kv.Value[0]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ours/Parquet.Net speed {best["Parquet.Net (snappy)"] / best["ours (snappy)"]:F1}x, ours/DuckDB(1 thread) {best["DuckDB COPY, 1 thread (snappy)"] / best["ours (snappy)"]:F1}x"));

        // The files must hold the same rows, or the timings mean nothing.
        var check = Scalar(connection,
            $"SELECT count(*) FROM ((SELECT * FROM read_parquet({Literal(ours)}) EXCEPT ALL SELECT * FROM read_parquet({Literal(parquetNet)})) " +
            $"UNION ALL (SELECT * FROM read_parquet({Literal(oursZstd)}) EXCEPT ALL SELECT * FROM ticks))");
        var count = Scalar(connection, $"SELECT count(*) FROM read_parquet({Literal(ours)})");
        Console.WriteLine($"check: {count:N0} rows in ours, {check} rows differ between ours and Parquet.Net / the DuckDB table");
        return check == 0 && count == rows ? 0 : 1;
    }

    private static TickColumns Generate(int rows)
    {
        var random = new Random(42);
        var ticks = new TickColumns(rows);
        var ts = TickTime.ToMicros(new DateTime(2019, 2, 4, 0, 0, 0, DateTimeKind.Utc));
        var bid = 114_500;
        for (var i = 0; i < rows; i++)
        {
            ts += random.Next(0, 400_000);
            bid += random.Next(-3, 4);
            ticks.Add(ts, bid / 100_000.0, (bid + random.Next(1, 4)) / 100_000.0,
                random.Next(1, 500) / 100f, random.Next(50) == 0 ? float.NaN : random.Next(1, 500) / 100f);
        }
        return ticks;
    }

    private static async Task<TimeSpan> WriteOursAsync(TickColumns ticks, string path, TickParquetCompression compression, int threads, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        await using var writer = await TickParquetWriter.CreateAsync(stream, "EURUSD", new TickParquetOptions { Compression = compression, EncoderThreads = threads }, cancellationToken);
        for (var start = 0; start < ticks.Count; start += BatchRows)
        {
            await writer.WriteAsync(ticks, start, Math.Min(BatchRows, ticks.Count - start), cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
        return watch.Elapsed;
    }

    /// <summary>Parquet.Net needs DateTime and nullable arrays; building them per row group is part of its cost here.</summary>
    private static async Task<TimeSpan> WriteParquetNetAsync(TickColumns ticks, string path, CancellationToken cancellationToken)
    {
        DataField[] fields =
        [
            new DataField<string>("symbol", false) { FieldId = 1 },
            new DateTimeDataField("ts", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: false) { FieldId = 2 },
            new DataField<double?>("bid") { FieldId = 3 },
            new DataField<double?>("ask") { FieldId = 4 },
            new DataField<float?>("bid_volume") { FieldId = 5 },
            new DataField<float?>("ask_volume") { FieldId = 6 },
        ];
        var watch = Stopwatch.StartNew();
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream,
            new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }, cancellationToken: cancellationToken);
        var symbols = Enumerable.Repeat("EURUSD", RowGroupRows).ToArray();
        var ts = new DateTime[RowGroupRows];
        var bid = new double?[RowGroupRows];
        var ask = new double?[RowGroupRows];
        var bidVolume = new float?[RowGroupRows];
        var askVolume = new float?[RowGroupRows];
        for (var start = 0; start < ticks.Count; start += RowGroupRows)
        {
            var n = Math.Min(RowGroupRows, ticks.Count - start);
            Fill(ticks, start, n, ts, bid, ask, bidVolume, askVolume);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(fields[0], n == RowGroupRows ? symbols : symbols[..n]);
            await group.WriteAsync<DateTime>(fields[1], ts.AsMemory(0, n), cancellationToken: cancellationToken);
            await group.WriteAsync<double>(fields[2], bid.AsMemory(0, n), cancellationToken: cancellationToken);
            await group.WriteAsync<double>(fields[3], ask.AsMemory(0, n), cancellationToken: cancellationToken);
            await group.WriteAsync<float>(fields[4], bidVolume.AsMemory(0, n), cancellationToken: cancellationToken);
            await group.WriteAsync<float>(fields[5], askVolume.AsMemory(0, n), cancellationToken: cancellationToken);
        }
        await writer.DisposeAsync();
        return watch.Elapsed;
    }

    private static void Fill(TickColumns ticks, int start, int n, DateTime[] ts, double?[] bid, double?[] ask, float?[] bidVolume, float?[] askVolume)
    {
        for (var i = 0; i < n; i++)
        {
            ts[i] = TickTime.FromMicros(ticks.Timestamps[start + i]);
            bid[i] = ticks.Bids[start + i];
            ask[i] = ticks.Asks[start + i];
            var bv = ticks.BidVolumes[start + i];
            var av = ticks.AskVolumes[start + i];
            bidVolume[i] = float.IsNaN(bv) ? null : bv;
            askVolume[i] = float.IsNaN(av) ? null : av;
        }
    }

    private static TimeSpan CopyDuckDb(DuckDBConnection connection, string path, int threads)
    {
        Execute(connection, $"SET threads = {threads}");
        var watch = Stopwatch.StartNew();
        Execute(connection, $"COPY (SELECT * FROM ticks) TO {Literal(path)} (FORMAT parquet, COMPRESSION snappy)");
        return watch.Elapsed;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string Literal(string path) => "'" + Path.GetFullPath(path).Replace("'", "''", StringComparison.Ordinal) + "'";
}
