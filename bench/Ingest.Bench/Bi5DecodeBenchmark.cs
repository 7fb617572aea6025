using System.Diagnostics;
using System.Globalization;
using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Ingest.Dukascopy.Lzma;
using TickKernelExtensions.Market;

namespace Ingest.Bench;

/// <summary>
/// Benchmark (b): bi5 tick decoding. Anchor = liblzma decompressing the same files (raw decompression only, called
/// directly); ours = <see cref="Bi5TickCodec.DecodeInto"/> into reused <see cref="TickColumns"/> on the native path,
/// and on the managed SharpCompress path for information. 1 thread and <c>--threads</c> threads, the files split
/// across threads; one warm-up, then repetitions interleaved across modes; median and best reported. A paired
/// run then times both on every file, alternating which goes first, for a ratio that survives a busy machine.
/// <c>--rows N</c> sets the total ticks (about N / 4,000 hour files; default 200 files).
/// </summary>
internal sealed class Bi5DecodeBenchmark : IBenchmark
{
    private const int Repetitions = 7;
    private const int DefaultFiles = 200;
    private const double Target = 0.9;

    public string Name => "bi5";

    public string Description => "bi5 tick decode to TickColumns vs raw liblzma decompression";

    public Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        if (!LzmaAlone.IsNativeAvailable)
        {
            Console.Error.WriteLine("liblzma is not available: " + Liblzma.LoadFailure);
            return Task.FromResult(1);
        }
        var fileCount = options.Rows is { } rows ? (int)Math.Max(1, rows / 4_000) : DefaultFiles;
        var data = Bi5BenchData.LoadOrCreate(options.WorkDir, fileCount);
        var eurusd = InstrumentCatalog.Default.Get("EURUSD");
        var maxDecoded = data.MaxTicksPerFile * Bi5TickCodec.RecordSize;
        var version = Liblzma.VersionNumber;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{data.Files.Length} hour files, {data.TotalTicks:N0} ticks, {data.CompressedBytes / 1e6:F1} MB compressed, " +
            $"{data.TotalTicks * Bi5TickCodec.RecordSize / 1e6:F1} MB decompressed; liblzma {version / 10_000_000}.{version / 10_000 % 1_000}.{version / 10 % 1_000}; " +
            $"{Environment.ProcessorCount} cores; {Repetitions} runs per mode after 1 warm-up, interleaved"));

        // For the information row: what the record loop alone costs, without decompression.
        var decompressed = data.Files.Select(Decompress).ToArray();
        var modes = new (string Name, Func<int, int, long> Run)[]
        {
            ("anchor: liblzma raw decompress", (from, to) =>
            {
                using var anchor = new LiblzmaAnchor();
                var output = GC.AllocateUninitializedArray<byte>(maxDecoded, pinned: true);
                long bytes = 0;
                for (var i = from; i < to; i++)
                {
                    bytes += anchor.Decompress(data.Files[i], output);
                }
                return bytes / Bi5TickCodec.RecordSize;
            }),
            ("ours: DecodeInto, native", (from, to) => DecodeRange(data, eurusd, LzmaBackend.Native, from, to)),
            ("ours: DecodeInto, managed", (from, to) => DecodeRange(data, eurusd, LzmaBackend.Managed, from, to)),
            ("info: records -> columns only", (from, to) => ParseRange(decompressed, eurusd, data.MaxTicksPerFile, from, to)),
        };

        var threadCounts = new[] { 1, Math.Max(1, options.Threads) }.Distinct().ToArray();
        var medians = new Dictionary<(int Mode, int Threads), double>();
        var bests = new Dictionary<(int Mode, int Threads), double>();
        var failed = false;
        Console.WriteLine();
        Console.WriteLine($"{"mode",-32} {"threads",7} {"median ms",10} {"best ms",9} {"Mticks/s",9} {"Mticks/s/core",14}");
        foreach (var threads in threadCounts)
        {
            var times = modes.Select(_ => new List<double>()).ToArray();
            for (var rep = -1; rep < Repetitions; rep++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var m = 0; m < modes.Length; m++)
                {
                    var (seconds, ticks) = Time(threads, data.Files.Length, modes[m].Run);
                    failed |= ticks != data.TotalTicks;
                    if (rep >= 0)
                    {
                        times[m].Add(seconds);
                    }
                }
            }
            for (var m = 0; m < modes.Length; m++)
            {
                var sorted = times[m].Order().ToArray();
                var median = sorted[sorted.Length / 2];
                medians[(m, threads)] = median;
                bests[(m, threads)] = sorted[0];
                var rate = data.TotalTicks / median / 1e6;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{modes[m].Name,-32} {threads,7} {median * 1e3,10:F1} {sorted[0] * 1e3,9:F1} {rate,9:F2} {rate / threads,14:F2}"));
            }
        }

        Console.WriteLine();
        // On a shared machine the best run is the one least disturbed by neighbours, so both are printed.
        foreach (var threads in threadCounts)
        {
            var ratio = medians[(0, threads)] / medians[(1, threads)];
            var best = bests[(0, threads)] / bests[(1, threads)];
            var managed = medians[(0, threads)] / medians[(2, threads)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio ours/liblzma, {threads} thread(s): native {ratio:F2} by median, {best:F2} by best (target >= {Target:F1}); managed {managed:F2} by median"));
        }
        if (threadCounts.Length > 1)
        {
            var n = threadCounts[1];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scaling 1 -> {n} threads (throughput, by median): anchor {medians[(0, 1)] / medians[(0, n)]:F2}x, " +
                $"ours native {medians[(1, 1)] / medians[(1, n)]:F2}x, ours managed {medians[(2, 1)] / medians[(2, n)]:F2}x"));
        }
        // Paired: each file decoded by both, alternating which goes first, so both see the same neighbours' load.
        // This ratio is far steadier than one from separate runs when the machine is shared.
        foreach (var threads in threadCounts)
        {
            var ratios = new List<double>();
            for (var rep = -1; rep < Repetitions; rep++)
            {
                var (anchorSeconds, oursSeconds) = Paired(threads, data, eurusd, maxDecoded);
                if (rep >= 0)
                {
                    ratios.Add(anchorSeconds / oursSeconds);
                }
            }
            var sorted = ratios.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"paired ratio ours/liblzma (each file by both, alternating), {threads} thread(s): median {sorted[sorted.Length / 2]:F3} (min {sorted[0]:F3}, max {sorted[^1]:F3})"));
        }
        if (failed)
        {
            Console.Error.WriteLine("A run decoded a different number of ticks than the files hold.");
        }
        return Task.FromResult(failed ? 1 : 0);
    }

    private static long DecodeRange(Bi5BenchData data, Instrument instrument, LzmaBackend backend, int from, int to)
    {
        var columns = new TickColumns(data.MaxTicksPerFile);
        long ticks = 0;
        for (var i = from; i < to; i++)
        {
            columns.Clear();
            ticks += Bi5TickCodec.DecodeInto(data.Files[i], Bi5BenchData.HourOf(i), instrument, columns, backend);
        }
        return ticks;
    }

    /// <summary>Seconds spent by the anchor and by ours on the same files, each file timed for both.</summary>
    private static (double Anchor, double Ours) Paired(int threads, Bi5BenchData data, Instrument instrument, int maxDecoded)
    {
        var anchorTicks = new long[threads];
        var oursTicks = new long[threads];
        var workers = new Thread[threads];
        for (var t = 0; t < threads; t++)
        {
            var (index, from, to) = (t, data.Files.Length * t / threads, data.Files.Length * (t + 1) / threads);
            workers[t] = new Thread(() =>
            {
                using var anchor = new LiblzmaAnchor();
                var output = GC.AllocateUninitializedArray<byte>(maxDecoded, pinned: true);
                var columns = new TickColumns(data.MaxTicksPerFile);
                for (var i = from; i < to; i++)
                {
                    var anchorFirst = i % 2 == 0;
                    var t0 = Stopwatch.GetTimestamp();
                    if (anchorFirst)
                    {
                        anchor.Decompress(data.Files[i], output);
                    }
                    else
                    {
                        columns.Clear();
                        Bi5TickCodec.DecodeInto(data.Files[i], Bi5BenchData.HourOf(i), instrument, columns, LzmaBackend.Native);
                    }
                    var t1 = Stopwatch.GetTimestamp();
                    if (anchorFirst)
                    {
                        columns.Clear();
                        Bi5TickCodec.DecodeInto(data.Files[i], Bi5BenchData.HourOf(i), instrument, columns, LzmaBackend.Native);
                    }
                    else
                    {
                        anchor.Decompress(data.Files[i], output);
                    }
                    var t2 = Stopwatch.GetTimestamp();
                    anchorTicks[index] += anchorFirst ? t1 - t0 : t2 - t1;
                    oursTicks[index] += anchorFirst ? t2 - t1 : t1 - t0;
                }
            }) { IsBackground = true };
        }
        foreach (var worker in workers)
        {
            worker.Start();
        }
        foreach (var worker in workers)
        {
            worker.Join();
        }
        return (anchorTicks.Sum() / (double)Stopwatch.Frequency, oursTicks.Sum() / (double)Stopwatch.Frequency);
    }

    private static long ParseRange(byte[][] decompressed, Instrument instrument, int capacity, int from, int to)
    {
        var columns = new TickColumns(capacity);
        long ticks = 0;
        for (var i = from; i < to; i++)
        {
            columns.Clear();
            ticks += Bi5TickCodec.DecodeRecordsInto(decompressed[i], TickTime.ToMicros(Bi5BenchData.HourOf(i)), instrument.DecimalFactor, columns);
        }
        return ticks;
    }

    private static byte[] Decompress(byte[] file)
    {
        using var decoded = LzmaAlone.DecodePooled(file);
        return decoded.Span.ToArray();
    }

    /// <summary>Runs <paramref name="run"/> on <paramref name="threads"/> threads over contiguous slices of the files.</summary>
    private static (double Seconds, long Ticks) Time(int threads, int files, Func<int, int, long> run)
    {
        var counts = new long[threads];
        var workers = new Thread[threads];
        for (var t = 0; t < threads; t++)
        {
            var (index, from, to) = (t, files * t / threads, files * (t + 1) / threads);
            workers[t] = new Thread(() => counts[index] = run(from, to)) { IsBackground = true };
        }
        var clock = Stopwatch.StartNew();
        foreach (var worker in workers)
        {
            worker.Start();
        }
        foreach (var worker in workers)
        {
            worker.Join();
        }
        return (clock.Elapsed.TotalSeconds, counts.Sum());
    }
}
