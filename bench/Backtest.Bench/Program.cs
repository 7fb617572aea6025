using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Backtest.Bench;
using TickKernelExtensions.Market;

// Usage: dotnet run -c Release --project bench/Backtest.Bench -- [--ticks N] [--runs N] [--threads 1,2] [--wf-ticks N]
//        [--modes plain,model,wf] [--seed N] [--work DIR]
// Backtest throughput of the tick engine with a plain strategy and with a model bundle in the loop, against the same
// plain strategy as a SQL backtest in DuckDB, in the same run; then a ten-fold walk-forward timed end to end.
// See bench/README.md.
var options = BenchOptions.Parse(args);
var invariant = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(invariant,
    $"== {Environment.ProcessorCount} cores (Environment.ProcessorCount), {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}; load average at start: {LoadAverage()}"));
var clock = Stopwatch.StartNew();
var ticks = TickData.Generate(options.Ticks, options.Seed);
Console.WriteLine(string.Create(invariant,
    $"== ticks: {ticks.Count:N0} EURUSD random-walk ticks (seed {options.Seed}), {TickTime.FromMicros(ticks.Timestamps[0]):yyyy-MM-dd HH:mm} – {TickTime.FromMicros(ticks.Timestamps[^1]):yyyy-MM-dd HH:mm} UTC, generated in {clock.Elapsed.TotalSeconds:0.0} s"));

TickKernelExtensions.Modeling.Export.ModelBundle? bundle = null;
if (options.Modes.Contains("model"))
{
    var (loaded, source) = BenchModel.LoadOrTrain(options.Work, options.Seed);
    bundle = loaded;
    Console.WriteLine($"== model: {bundle.Name} {bundle.Version}, {bundle.FeatureSet.Name}, {bundle.Signature.VectorLength} inputs, LightGBM ({source})");
}

var rows = options.Modes.Contains("plain") || bundle is not null ? ThroughputBenchmark.Run(ticks, bundle, options) : [];
bundle?.Dispose();
WalkForwardBenchmark.Result? wf = null;
if (options.Modes.Contains("wf"))
{
    var wfTicks = options.WalkForwardTicks <= ticks.Count ? Prefix(ticks, options.WalkForwardTicks) : TickData.Generate(options.WalkForwardTicks, options.Seed);
    wf = await WalkForwardBenchmark.RunAsync(wfTicks, options.Work);
}

Console.WriteLine();
Console.WriteLine(string.Create(invariant, $"Median of {options.Runs} runs after one warm-up, interleaved; N threads = N independent backtests on N contiguous parts of the ticks; per core = total ÷ threads; ratio = ours ÷ anchor in ticks/s (above 1: ours faster). CPU ms is the whole process's (every thread); Mticks per CPU s = ticks ÷ CPU time, which waiting for a core does not inflate."));
Console.WriteLine();
Console.WriteLine("| mode | threads | ticks | median ms | best ms | Mticks/s | Mticks/s per core | CPU ms | Mticks per CPU s | ours ÷ anchor |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var row in rows)
{
    var s = row.Samples;
    var anchor = rows.FirstOrDefault(a => a.Mode == "anchor" && a.Samples.Threads == s.Threads);
    var ratio = row.Mode == "plain" && anchor is not null ? (s.RowsPerSecond / anchor.Samples.RowsPerSecond).ToString("0.00", invariant) : "";
    Console.WriteLine(string.Create(invariant,
        $"| {s.Name} | {s.Threads} | {s.Rows:N0} | {s.MedianMs:N1} | {s.BestMs:N1} | {s.RowsPerSecond / 1e6:0.00} | {s.RowsPerSecond / 1e6 / s.Threads:0.00} | {s.MedianCpuMs:N0} | {s.Rows / s.MedianCpuMs / 1e3:0.00} | {ratio} |"));
}
if (wf is not null)
{
    var s = wf.Total;
    var trade = wf.Folds.Sum(f => f.TradeTime.TotalMilliseconds);
    Console.WriteLine(string.Create(invariant,
        $"| {s.Name} | 1 | {s.Rows:N0} | {s.MedianMs:N1} | {s.BestMs:N1} | {s.RowsPerSecond / 1e6:0.00} | {s.RowsPerSecond / 1e6:0.00} | {s.MedianCpuMs:N0} | {s.Rows / s.MedianCpuMs / 1e3:0.00} | |"));
    Console.WriteLine(string.Create(invariant,
        $"| ours: walk-forward, trading part only ({wf.TicksTraded:N0} ticks traded) | 1 | {wf.TicksTraded:N0} | {trade:N1} | | {wf.TicksTraded / trade / 1e3:0.00} | {wf.TicksTraded / trade / 1e3:0.00} | | | |"));
}

Console.WriteLine();
foreach (var row in rows.Where(r => r.Mode == "plain"))
{
    var anchor = rows.First(a => a.Mode == "anchor" && a.Samples.Threads == row.Samples.Threads).Outcome;
    var ours = row.Outcome;
    var same = ours.Trades == anchor.Trades && ours.LongTrades == anchor.LongTrades && Math.Abs(ours.Pnl - anchor.Pnl) <= 1e-6 * Math.Max(1, Math.Abs(anchor.Pnl));
    Console.WriteLine(string.Create(invariant,
        $"Check, {row.Samples.Threads} thread(s): ours {ours.Trades:N0} trades ({ours.LongTrades:N0} long), P&L {ours.Pnl:F4} USD; anchor {anchor.Trades:N0} trades ({anchor.LongTrades:N0} long), P&L {anchor.Pnl:F4} USD; difference {ours.Pnl - anchor.Pnl:G3} USD → {(same ? "same" : "DIFFERENT")}"));
}
foreach (var row in rows.Where(r => r.Mode == "model"))
{
    Console.WriteLine(string.Create(invariant, $"Model in the loop, {row.Samples.Threads} thread(s): {row.Detail}; {row.Outcome.Trades:N0} trades, P&L {row.Outcome.Pnl:F2} USD"));
}
if (wf is not null)
{
    Console.WriteLine();
    Console.WriteLine(string.Create(invariant,
        $"Walk-forward over {wf.Total.Rows:N0} ticks, once: features (bars + gold-core) {wf.Features.TotalMilliseconds:N0} ms, then per fold (train = WalkForwardModels.Train, trade = ModelStrategy over the fold's window); {wf.Trades:N0} trades in all."));
    Console.WriteLine();
    Console.WriteLine("| fold | trading window (UTC) | train rows | ticks traded | train ms | trade ms | validation AUC |");
    Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
    foreach (var f in wf.Folds)
    {
        Console.WriteLine(string.Create(invariant,
            $"| {f.Fold.Index} | {TickTime.FromMicros(f.Fold.TestStart):MM-dd HH:mm} – {TickTime.FromMicros(f.Fold.TestEnd):MM-dd HH:mm} | {f.Model.Set.Train.Count:N0} | {wf.TicksPerFold[f.Fold.Index]:N0} | {f.TrainTime.TotalMilliseconds:N0} | {f.TradeTime.TotalMilliseconds:N0} | {f.Model.Report.Validation.Auc:0.000} |"));
    }
    Console.WriteLine(string.Create(invariant,
        $"| all | | | {wf.TicksTraded:N0} | {wf.Folds.Sum(f => f.TrainTime.TotalMilliseconds):N0} | {wf.Folds.Sum(f => f.TradeTime.TotalMilliseconds):N0} | |"));
}
Console.WriteLine($"== load average at end: {LoadAverage()}");
return 0;

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

static TickColumns Prefix(TickColumns ticks, int count)
{
    var prefix = new TickColumns(count);
    prefix.AddRange(ticks, 0, count);
    return prefix;
}

