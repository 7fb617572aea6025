using System.Diagnostics;
using System.Globalization;
using TickKernelExtensions.Ingest.Simulation;
using TickKernelExtensions.Market;

namespace Ingest.Bench;

/// <summary>
/// The built-in market: ticks per second of the realistic generator (one thread) against the cheapest
/// possible generator, a bare Gaussian walk from <see cref="Random"/> filling the same columns hour by
/// hour (what realism costs); then the full mirror write (generation, bi5 encoding, files) on
/// <c>--threads</c> workers, and an idempotent re-run. <c>--rows N</c> scales the default three-week run
/// (about 4.3 million ticks) to about N ticks.
/// </summary>
internal sealed class SimulatorBenchmark : IBenchmark
{
    public string Name => "simulate";

    public string Description => "market simulator: realistic generation vs a bare random walk, then the full mirror write";

    public async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var defaults = new MarketSimulator().Manifest.TotalTicks;
        var scale = options.Rows is { } rows ? rows / (double)defaults : 1.0;
        var simOptions = new MarketSimulatorOptions { TickRateScale = scale, MaxDegreeOfParallelism = options.Threads };
        var sim = new MarketSimulator(simOptions);

        var sw = Stopwatch.StartNew();
        long ticks = 0;
        var hourSizes = new List<int>();
        foreach (var symbol in sim.Instruments)
        {
            foreach (var hour in sim.GenerateSymbol(symbol.Symbol))
            {
                ticks += hour.Ticks.Count;
                hourSizes.Add(hour.Ticks.Count);
            }
        }
        var ours = sw.Elapsed;

        sw.Restart();
        var anchorTicks = BareRandomWalk(hourSizes);
        var anchor = sw.Elapsed;

        Console.WriteLine(Line("generate (realistic, 1 thread)", ticks, ours));
        Console.WriteLine(Line("anchor: bare Random walk", anchorTicks, anchor));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  realism costs {ours.TotalSeconds / anchor.TotalSeconds:F1}x the bare walk"));

        var root = Path.Combine(options.WorkDir, "sim-mirror");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
        sw.Restart();
        var result = await sim.WriteMirrorAsync(root, cancellationToken: cancellationToken);
        var write = sw.Elapsed;
        sw.Restart();
        var again = await sim.WriteMirrorAsync(root, cancellationToken: cancellationToken);
        var rerun = sw.Elapsed;

        Console.WriteLine(Line($"mirror write ({options.Threads} threads)", result.Ticks, write));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {result.FilesWritten:N0} files, {result.Bytes:N0} bi5 bytes ({result.Bytes / (double)Math.Max(1, result.Ticks):F2} bytes/tick); re-run {rerun.TotalSeconds:F1} s, {again.FilesUnchanged:N0} unchanged, {again.FilesWritten} rewritten"));
        foreach (var truth in result.Manifest.Symbols)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {truth.Symbol,-8} {truth.Ticks,12:N0} ticks {result.BytesBySymbol[truth.Symbol],14:N0} bytes  missing {truth.MissingHours.Count}, spikes {truth.Spikes}, crossed {truth.CrossedQuotes}"));
        }
        return again.FilesWritten == 0 ? 0 : 1;
    }

    private static long BareRandomWalk(List<int> hourSizes)
    {
        var random = new Random(42);
        var columns = new TickColumns(16_384);
        var bid = 1.09;
        long total = 0;
        foreach (var n in hourSizes)
        {
            columns.Clear();
            for (var i = 0; i < n; i++)
            {
                var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                bid += 0.00002 * z;
                columns.Add(i * 1000L, bid, bid + 0.00002, 1f, 1f);
            }
            total += columns.Count;
        }
        return total;
    }

    private static string Line(string what, long ticks, TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"  {what,-34} {ticks,12:N0} ticks in {elapsed.TotalSeconds,7:F2} s = {ticks / elapsed.TotalSeconds / 1e6,6:F2} M ticks/s");
}
