using System.Globalization;
using System.Runtime.InteropServices;
using Modeling.Bench;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Processing.Features;

// Usage: dotnet run -c Release --project bench/Modeling.Bench -- [--days N] [--tick-rate X] [--runs N] [--threads N]
//        [--score-calls N] [--latency-calls N] [--warm-up N] [--seed N]
// Builds the gold-core training set from the built-in simulator in memory, then times training, scoring throughput
// and one-row scoring latency of ours against ML.NET called directly, in the same run. See bench/README.md.
var options = BenchOptions.Parse(args);
var invariant = CultureInfo.InvariantCulture;
var loadAtStart = LoadAverage();
var data = BenchData.Build(options.Days, options.TickRate, options.Seed);
var set = data.Set;
Console.WriteLine(string.Create(invariant,
    $"== models: EURUSD, Realistic simulator, {options.Days} days (seed {options.Seed}, tick rate ×{options.TickRate}): {data.Ticks:N0} ticks → {data.Bars:N0} one-minute bars → {set.FeatureSetName}, {set.FeatureNames.Count} features; train {set.Train.Count:N0}, validation {set.Validation.Count:N0}, test {set.Test.Count:N0} rows (built in {data.BuildTime.TotalSeconds:0.0} s)"));
Console.WriteLine(string.Create(invariant,
    $"== {Environment.ProcessorCount} cores (Environment.ProcessorCount), {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}; load average at start: {loadAtStart}"));

var training = TrainingBenchmark.Run(set, options.Runs);
var vectors = new[] { set.Train, set.Validation, set.Test }
    .SelectMany(part => Enumerable.Range(0, part.Count).Select(i => part.Row(i).ToArray())).ToArray();
var root = Path.Combine(Path.GetTempPath(), $"modeling-bench-{Guid.NewGuid():N}");
try
{
    var info = ModelBundleWriter.Write(new ModelBundleContent
    {
        Name = "bench-gold-core",
        Version = "1",
        Model = training.LightGbm.Transformer,
        Signature = new ModelSignature(set.FeatureNames),
        FeatureSet = FeatureSetDefinition.GoldCore,
    }, new ModelBundleOptions { Root = root });
    using var bundle = ModelBundle.Load(info.Folder);
    var scoring = ScoringBenchmark.Run(bundle, vectors, options.ScoreCalls, options.Threads, options.Runs);
    var latency = LatencyBenchmark.Run(bundle, vectors, options.WarmUp, options.LatencyCalls);

    Console.WriteLine();
    Console.WriteLine(string.Create(invariant, $"Throughput: median of {options.Runs} runs after one warm-up, interleaved; ratio = ours ÷ anchor in rows/s (above 1: ours faster)."));
    Console.WriteLine();
    Console.WriteLine("| work | threads | rows per run | ours | ours: rows/s | anchor | anchor: rows/s | ours ÷ anchor | ours: median ms (best) | anchor: median ms (best) | ours: CPU ms | anchor: CPU ms |");
    Console.WriteLine("|---|---:|---:|---|---:|---|---:|---:|---:|---:|---:|---:|");
    var works = new[] { "train, LightGBM", "train, FastTree", "train, anomaly model" };
    for (var i = 0; i < training.Pairs.Count; i++)
    {
        Row(works[i], training.Pairs[i].Ours, training.Pairs[i].Anchor);
    }
    foreach (var (ours, anchor) in scoring.Pairs)
    {
        Row("score one row at a time", ours, anchor);
    }
    Row("score: ours one row at a time vs anchor batch", scoring.Pairs[0].Ours, scoring.Batch);
    Console.WriteLine();
    Console.WriteLine(string.Create(invariant,
        $"Cores actually free during the scoring runs: a plain arithmetic loop ran {string.Join(", ", scoring.Scaling.Select(x => x.ToString("0.00", invariant)))}× faster on {options.Threads} threads than on 1 (once per run; {options.Threads}.00 = every core free)."));

    Console.WriteLine();
    Console.WriteLine(string.Create(invariant,
        $"One-row latency, 1 thread: {options.LatencyCalls:N0} calls each after {options.WarmUp:N0} warm-up calls, ours and anchor alternating call by call (µs, nearest rank)."));
    Console.WriteLine();
    Console.WriteLine("| scorer | p50 µs | p99 µs | p99.9 µs | max µs | mean µs | allocated bytes per call |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
    Latency("ours: ModelBundle.Score", latency.Ours, scoring.BytesPerCallOurs);
    Latency("anchor: PredictionEngine.Predict, direct", latency.Anchor, scoring.BytesPerCallAnchor);

    Console.WriteLine();
    Console.WriteLine(string.Create(invariant,
        $"Checks: LightGBM ours vs anchor, largest validation probability difference {training.MaxProbabilityDifference:G3}; scoring ours vs anchor, {scoring.Mismatches} of {vectors.Length:N0} probabilities differ."));
    Console.WriteLine($"== load average at end: {LoadAverage()}");
}
finally
{
    if (Directory.Exists(root))
    {
        Directory.Delete(root, recursive: true);
    }
}
return 0;

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

static void Row(string work, Samples ours, Samples anchor) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {work} | {ours.Threads} | {ours.Rows:N0} | {ours.Name} | {ours.RowsPerSecond:N0} | {anchor.Name} | {anchor.RowsPerSecond:N0} | {ours.RowsPerSecond / anchor.RowsPerSecond:0.00} | {ours.MedianMs:N1} ({ours.BestMs:N1}) | {anchor.MedianMs:N1} ({anchor.BestMs:N1}) | {ours.MedianCpuMs:N0} | {anchor.MedianCpuMs:N0} |"));

static void Latency(string scorer, Percentiles p, double bytesPerCall) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {scorer} | {p.P50:0.0} | {p.P99:0.0} | {p.P999:0.0} | {p.Max:N0} | {p.Mean:0.0} | {bytesPerCall:N0} |"));
