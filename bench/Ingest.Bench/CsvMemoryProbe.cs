using System.Diagnostics;
using System.Globalization;
using TickKernelExtensions.Ingest.Csv;

namespace Ingest.Bench;

/// <summary>
/// Peak memory of one CSV-to-Parquet run, measured in a fresh child process (this program again, with the same
/// options and <see cref="Variable"/> naming the side, format and threads), so neither the parent's generated data,
/// DuckDB's caches nor the other side's garbage count. The child does exactly one run and prints
/// <see cref="Process.PeakWorkingSet64"/> (on Linux the kernel's VmHWM: the most resident memory the process
/// ever had, runtime and native libraries included) and its working set just before the run.
/// </summary>
internal static class CsvMemoryProbe
{
    private const string Variable = "INGEST_BENCH_CSV_CHILD";
    private const string Prefix = "csv-child-result ";

    public sealed record Result(long PeakBytes, long BaselineBytes, double Seconds, long AllocatedBytes);

    /// <summary>The child's assignment (<c>side:format:threads</c>) when this process is a child.</summary>
    public static string? ChildMode() => Environment.GetEnvironmentVariable(Variable);

    public static async Task<Result> MeasureAsync(string side, CsvTickFormat format, int threads, BenchOptions options, long rows, CancellationToken cancellationToken)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The process path is unknown.");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(CsvMemoryProbe).Assembly.Location);
        }
        foreach (var arg in new[] { "csv", "--rows", rows.ToString(CultureInfo.InvariantCulture), "--threads", threads.ToString(CultureInfo.InvariantCulture), "--work", options.WorkDir })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment[Variable] = string.Create(CultureInfo.InvariantCulture, $"{side}:{format}:{threads}");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child process.");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The {side} child exited with {process.ExitCode}: {output}");
        }
        var f = line[Prefix.Length..].Split(' ');
        return new Result(long.Parse(f[0], CultureInfo.InvariantCulture), long.Parse(f[1], CultureInfo.InvariantCulture),
            double.Parse(f[2], CultureInfo.InvariantCulture), long.Parse(f[3], CultureInfo.InvariantCulture));
    }

    /// <summary>In the child: one run of the assigned side, then the result line.</summary>
    public static async Task<int> RunChildAsync(string mode, BenchOptions options, long rows, CancellationToken cancellationToken)
    {
        var parts = mode.Split(':');
        var side = parts[0];
        var format = Enum.Parse<CsvTickFormat>(parts[1]);
        var threads = int.Parse(parts[2], CultureInfo.InvariantCulture);
        var csv = CsvBenchData.LoadOrCreate(options.WorkDir, rows, format);
        var outDir = Path.Combine(options.WorkDir, "csv", "out", "memory");
        if (Directory.Exists(outDir))
        {
            Directory.Delete(outDir, recursive: true);
        }
        CsvToParquetBenchmark.Sync();
        using var duck = side == CsvToParquetBenchmark.DuckDb ? new CsvDuckDbAnchor() : null;
        using var self = Process.GetCurrentProcess();
        var baseline = self.WorkingSet64;
        var clock = Stopwatch.StartNew();
        switch (side)
        {
            case CsvToParquetBenchmark.DuckDb:
                duck!.Copy(csv, format, outDir, threads);
                break;
            case CsvToParquetBenchmark.Ours:
                await CsvToParquetBenchmark.RunOursAsync(csv, format, outDir, threads, cancellationToken);
                break;
            case CsvToParquetBenchmark.Importer:
                await CsvToParquetBenchmark.RunImporterAsync(csv, format, outDir, threads, cancellationToken);
                break;
            default:
                throw new ArgumentException($"Unknown side '{side}'.", nameof(mode));
        }
        var seconds = clock.Elapsed.TotalSeconds;
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}{self.PeakWorkingSet64} {baseline} {seconds:R} {GC.GetTotalAllocatedBytes(precise: true)}"));
        Directory.Delete(outDir, recursive: true);
        return 0;
    }
}
