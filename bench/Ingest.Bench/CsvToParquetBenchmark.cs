using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using TickKernelExtensions;
using TickKernelExtensions.Columnar;
using TickKernelExtensions.Ingest.Csv;
using TickKernelExtensions.Market;

namespace Ingest.Bench;

/// <summary>
/// Benchmark (a): CSV to typed, Hive-partitioned (symbol=/date=), snappy Parquet. Anchor = DuckDB's
/// <c>COPY (SELECT …) TO … (FORMAT parquet, PARTITION_BY (symbol, date))</c> through DuckDB.NET under
/// <c>SET threads = N</c>; ours = <see cref="CsvTickReader"/> → <see cref="CsvTickPipeline"/> →
/// <see cref="TickDatasetWriter"/> → commit (the importer's path without its SHA-256 and raw-zone copy), allowed
/// the same N threads. Same file, read from the page cache by both. 1 thread and <c>--threads</c> threads; one
/// warm-up of each, then <see cref="Repetitions"/> runs interleaved (who goes first alternates), best reported.
/// Outputs are deleted and dirty pages synced before each run, untimed. Then both outputs are read back by DuckDB
/// and compared, and each side runs once more in a child process to measure its peak resident memory.
/// <c>--rows N</c> sets the ticks (default 10,000,000).
/// </summary>
internal sealed class CsvToParquetBenchmark : IBenchmark
{
    private const long DefaultRows = 10_000_000;
    private const int Repetitions = 3;
    private const double TargetRatio = 1.5;
    private const long MemoryTarget = 1L << 30;
    private const string SourceId = "bench";

    /// <summary>The sides: the anchor, ours (judged), and two information rows.</summary>
    internal const string DuckDb = "duckdb";
    internal const string Ours = "ours";
    internal const string Importer = "importer (info)";
    internal const string ParseOnly = "parse only (info)";

    private static readonly CsvTickFormat[] Formats = [CsvTickFormat.DukascopyNode, CsvTickFormat.Dukascopy];

    public string Name => "csv";

    public string Description => "CSV -> Hive-partitioned snappy Parquet: ours vs DuckDB COPY ... (FORMAT parquet, PARTITION_BY (symbol, date))";

    public async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var rows = options.Rows ?? DefaultRows;
        if (CsvMemoryProbe.ChildMode() is { } child)
        {
            return await CsvMemoryProbe.RunChildAsync(child, options, rows, cancellationToken);
        }
        var inputs = Formats.ToDictionary(f => f, f => CsvBenchData.LoadOrCreate(options.WorkDir, rows, f));
        var outRoot = Path.Combine(options.WorkDir, "csv", "out");
        using var duck = new CsvDuckDbAnchor();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows:N0} EURUSD ticks; {string.Join(", ", inputs.Select(i => $"{FormatName(i.Key)} {new FileInfo(i.Value).Length / 1e6:F0} MB"))}; " +
            $"DuckDB {duck.Version}; {Environment.ProcessorCount} cores; load average {LoadAverage()}; " +
            $"best of {Repetitions} runs after 1 warm-up, interleaved"));
        Console.WriteLine();
        Console.WriteLine($"{"format",-14} {"side",-18} {"threads",7} {"best s",8} {"median s",9} {"Mrows/s",8} {"output MB",10} {"files",6}");

        var threadCounts = new[] { 1, Math.Max(1, options.Threads) }.Distinct().ToArray();
        var ratios = new List<(CsvTickFormat Format, int Threads, string Side, double Ratio)>();
        var failed = false;
        foreach (var format in Formats)
        {
            var csv = inputs[format];
            foreach (var threads in threadCounts)
            {
                var sides = new (string Name, Func<string, Task> Run)[]
                {
                    (DuckDb, dir => { duck.Copy(csv, format, dir, threads); return Task.CompletedTask; }),
                    (Ours, dir => RunOursAsync(csv, format, dir, threads, cancellationToken)),
                    (Importer, dir => RunImporterAsync(csv, format, dir, threads, cancellationToken)),
                    (ParseOnly, _ => ParseOnlyAsync(csv, format)),
                };
                var times = sides.Select(_ => new List<double>()).ToArray();
                for (var rep = -1; rep < Repetitions; rep++)
                {
                    for (var k = 0; k < sides.Length; k++)
                    {
                        // Alternate the order, so no side always runs right after the same other one.
                        var s = (rep & 1) == 0 ? k : sides.Length - 1 - k;
                        var seconds = await TimeAsync(sides[s].Run, Path.Combine(outRoot, sides[s].Name));
                        if (rep >= 0)
                        {
                            times[s].Add(seconds);
                        }
                    }
                }
                var best = new double[sides.Length];
                for (var s = 0; s < sides.Length; s++)
                {
                    var sorted = times[s].Order().ToArray();
                    best[s] = sorted[0];
                    var (bytes, files) = OutputSize(Path.Combine(outRoot, sides[s].Name));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{FormatName(format),-14} {sides[s].Name,-18} {threads,7} {sorted[0],8:F3} {sorted[sorted.Length / 2],9:F3} {rows / sorted[0] / 1e6,8:F2} {bytes / 1e6,10:F1} {files,6}"));
                }
                for (var s = 1; s < sides.Length - 1; s++)
                {
                    ratios.Add((format, threads, sides[s].Name, best[0] / best[s]));
                }
            }
            failed |= !Verify(duck, format, outRoot);
        }

        Console.WriteLine();
        foreach (var (format, threads, side, ratio) in ratios)
        {
            var verdict = side == Ours ? string.Create(CultureInfo.InvariantCulture, $" (target >= {TargetRatio:F1}) {(ratio >= TargetRatio ? "met" : "NOT met")}") : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio {side}/DuckDB rows per second, {FormatName(format)}, {threads} thread(s): {ratio:F2} by best{verdict}"));
        }

        Console.WriteLine();
        foreach (var format in Formats)
        {
            foreach (var threads in threadCounts)
            {
                foreach (var side in new[] { Ours, DuckDb, Importer })
                {
                    var probe = await CsvMemoryProbe.MeasureAsync(side, format, threads, options, rows, cancellationToken);
                    var verdict = side == Ours
                        ? string.Create(CultureInfo.InvariantCulture, $"; target < {MemoryTarget / 1048576} MiB {(probe.PeakBytes < MemoryTarget ? "met" : "NOT met")}")
                        : "";
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"peak memory {side,-18} {FormatName(format),-14} {threads} thread(s): {probe.PeakBytes / 1048576.0,5:F0} MiB peak RSS " +
                        $"({probe.BaselineBytes / 1048576.0:F0} MiB before the run, {probe.AllocatedBytes / 1048576.0:F0} MiB allocated by .NET in the process; {probe.Seconds:F2} s){verdict}"));
                    failed |= side == Ours && probe.PeakBytes >= MemoryTarget;
                }
            }
        }
        return failed ? 1 : 0;
    }

    /// <summary>Ours: the library's import path without the SHA-256 of the file and the raw-zone copy.</summary>
    internal static async Task<long> RunOursAsync(string csv, CsvTickFormat format, string outDir, int threads, CancellationToken cancellationToken)
    {
        var options = new CsvImportOptions { Format = format, Symbol = "EURUSD", MaxDegreeOfParallelism = threads };
        using var reader = CsvTickReader.Open(csv, options);
        var dataset = new TickParquetDataset(outDir, new TickParquetOptions { Compression = TickParquetCompression.Snappy });
        await using var writer = dataset.BeginWrite(SourceId);
        await CsvTickPipeline.CopyAsync(reader, writer, options, cancellationToken);
        await writer.CommitAsync(cancellationToken);
        return reader.Summary.Ticks;
    }

    /// <summary>The whole import (information): SHA-256 of the file, ours, the raw-zone copy (fsynced) and the commit.</summary>
    internal static async Task RunImporterAsync(string csv, CsvTickFormat format, string dataRoot, int threads, CancellationToken cancellationToken)
    {
        var options = new CsvImportOptions { Format = format, Symbol = "EURUSD", MaxDegreeOfParallelism = threads };
        var importer = new CsvTickImporter(new DataLayout(dataRoot), new TickParquetOptions { Compression = TickParquetCompression.Snappy });
        await importer.ImportAsync(csv, options, cancellationToken);
    }

    /// <summary>Our reader alone (information): parse and validate into reused batches, nothing written. Ours cannot beat it with 2 threads.</summary>
    private static Task ParseOnlyAsync(string csv, CsvTickFormat format)
    {
        using var reader = CsvTickReader.Open(csv, new CsvImportOptions { Format = format, Symbol = "EURUSD" });
        var batch = new TickColumns(65_536);
        while (reader.ReadBatch(batch))
        {
        }
        return Task.CompletedTask;
    }

    internal static string FormatName(CsvTickFormat format) => format == CsvTickFormat.DukascopyNode ? "dukascopy-node" : "dukascopy";

    internal static void Sync() => sync();

    private static async Task<double> TimeAsync(Func<string, Task> run, string outDir)
    {
        if (Directory.Exists(outDir))
        {
            Directory.Delete(outDir, recursive: true);
        }
        sync();
        var clock = Stopwatch.StartNew();
        await run(outDir);
        return clock.Elapsed.TotalSeconds;
    }

    private static bool Verify(CsvDuckDbAnchor duck, CsvTickFormat format, string outRoot)
    {
        var theirs = duck.Digest(Path.Combine(outRoot, "duckdb"));
        var ours = duck.Digest(Path.Combine(outRoot, "ours"));
        var same = theirs.SameTicks(ours);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{FormatName(format),-14} check: DuckDB reads {ours.Rows:N0} rows in {ours.Partitions} partitions from ours, {theirs.Rows:N0} in {theirs.Partitions} from its own; " +
            $"sum(bid) {ours.BidSum:F5} vs {theirs.BidSum:F5}, sum(ask) {ours.AskSum:F5} vs {theirs.AskSum:F5}; exact point and volume sums and time range {(same ? "equal" : "DIFFER")}"));
        if (!same)
        {
            Console.Error.WriteLine($"  ours:   {ours}");
            Console.Error.WriteLine($"  duckdb: {theirs}");
        }
        return same;
    }

    private static (long Bytes, int Files) OutputSize(string dir)
    {
        if (!Directory.Exists(dir))
        {
            return (0, 0);
        }
        var files = Directory.EnumerateFiles(dir, "*.parquet", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Select(f => new FileInfo(f).Length)
            .ToList();
        return (files.Sum(), files.Count);
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    // Flushes every dirty page, so one side's unwritten output is not written back during the other's run.
    [DllImport("libc", SetLastError = false)]
    private static extern void sync();
}
